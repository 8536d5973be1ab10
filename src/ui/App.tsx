import { RuntimeTable } from './RuntimeTable.tsx';
import { TryIt } from './TryIt.tsx';
import './lab.css';

/** Placeholder page until the lab's UI lands (issue 4): what the model holds, and one way to try it. */
export function App() {
  return (
    <main className="lab">
      <h1>Isolation Lab</h1>
      <p className="lead">
        Follow one system call through a container isolation model, gate by gate, and see the line strace would
        print. The simulation core and the headless <code>isolab</code> command are here; the terminal and the
        animated diagram come next.
      </p>
      <RuntimeTable />
      <TryIt />
    </main>
  );
}
