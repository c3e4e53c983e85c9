declare module 'virtual:ghc-spec' {
  const spec: Record<string, unknown>;
  export default spec;
}
