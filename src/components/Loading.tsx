interface LoadingProps {
  label: string;
}

/** A polite progress message: screen readers hear it, sighted users see it. */
export function Loading({ label }: LoadingProps) {
  return (
    <p role="status" aria-live="polite" className="text-base loading-status">
      {label}
    </p>
  );
}
