/** Placeholder page until the lab's UI lands (issue 4). */
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '48rem', margin: '3rem auto', lineHeight: 1.5 }}>
      <h1>Isolation Lab</h1>
      <p>
        A lab that shows how a syscall travels through container isolation models. The simulation core and the
        headless <code>isolab</code> command are here; the terminal and the animated diagram come next.
      </p>
    </main>
  );
}
