// Counts which function components render in each React commit, through the
// React DevTools global hook, installed before react-dom loads. After a
// commit, a fiber that is the very object that was current before was not
// visited; a visited one is the alternate, and it rendered if its props or
// its hook list (React rebuilds it on every render) differ from the alternate.
interface Fiber {
  type: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
  memoizedProps: unknown;
  memoizedState: unknown;
}

let lastCurrent = new WeakSet<Fiber>();
let counting = false;
let rendered: string[] = [];

function nameOf(fiber: Fiber): string | null {
  const { type } = fiber;
  if (typeof type === 'function') return (type as { name?: string }).name || 'Anonymous';
  if (type && typeof type === 'object' && 'render' in type) {
    const render = (type as { render: { name?: string } }).render;
    return render.name || 'ForwardRef';
  }
  return null;
}

function walk(fiber: Fiber | null, current: WeakSet<Fiber>) {
  for (let node = fiber; node; node = node.sibling) {
    current.add(node);
    const name = nameOf(node);
    const before = node.alternate;
    const didRender =
      !lastCurrent.has(node) &&
      (!before ||
        before.memoizedProps !== node.memoizedProps ||
        before.memoizedState !== node.memoizedState);
    if (name && didRender && counting) rendered.push(name);
    walk(node.child, current);
  }
}

function onCommit(root: { current: Fiber }) {
  const current = new WeakSet<Fiber>();
  walk(root.current, current);
  lastCurrent = current;
}

export function installRenderCounter() {
  Object.assign(globalThis, {
    __REACT_DEVTOOLS_GLOBAL_HOOK__: {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => {},
      onScheduleFiberRoot: () => {},
      onCommitFiberUnmount: () => {},
      onPostCommitFiberRoot: () => {},
      onCommitFiberRoot: (_id: number, root: { current: Fiber }) => onCommit(root),
    },
  });
}

/** The components rendered by the commits `action` causes, by name and count. */
export async function countRenders(action: () => Promise<void>): Promise<Record<string, number>> {
  rendered = [];
  counting = true;
  try {
    await action();
  } finally {
    counting = false;
  }
  const counts: Record<string, number> = {};
  for (const name of rendered) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}
