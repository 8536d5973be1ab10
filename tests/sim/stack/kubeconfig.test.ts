import { describe, expect, it } from 'vitest';
import { contextNotFoundText, getContexts, goTabwriter, useContext } from '../../../src/sim/stack/kubeconfig.ts';
import { kubectlContextFlag, parseKubectl, type KubectlParse } from '../../../src/sim/stack/kubectlArgs.ts';

/** kubeconfig contexts: `kubectl config …` read as kubectl reads it, the root --context flag, and the texts kubectl prints (issue 5, point 2). */
const parse = (...argv: string[]): KubectlParse => parseKubectl(['kubectl', ...argv]);
const USAGE = "Usage:\n  kubectl config use-context CONTEXT_NAME\n\nIsolation Lab: the description, examples and options are left out.\n";

describe('kubectl config: the subcommands', () => {
  it.each<[string[], KubectlParse]>([
    [['config', 'get-contexts'], { type: 'config', action: 'get-contexts', names: [], nameOnly: false, noHeaders: false }],
    [['config', 'get-contexts', 'lab-crio', '--no-headers'], { type: 'config', action: 'get-contexts', names: ['lab-crio'], nameOnly: false, noHeaders: true }],
    [['config', 'get-contexts', '-o', 'name'], { type: 'config', action: 'get-contexts', names: [], nameOnly: true, noHeaders: false }],
    [['config', 'current-context'], { type: 'config', action: 'current-context' }],
    [['config', 'use-context', 'lab-crio'], { type: 'config', action: 'use-context', args: ['lab-crio'], usage: USAGE }],
    [['config', 'use', 'lab-crio'], { type: 'config', action: 'use-context', args: ['lab-crio'], usage: USAGE }],
    [['--kubeconfig', '/root/.kube/config', 'config', 'use-context', 'a', 'b'], { type: 'config', action: 'use-context', args: ['a', 'b'], usage: USAGE }],
    [['config', '--context', 'lab-crio', 'current-context'], { type: 'config', action: 'current-context' }],
  ])('%j', (argv, expected) => {
    expect(parse(...argv)).toEqual(expected);
  });

  it.each([
    [['config', 'get-contexts', '-o', 'yaml'], 'error: --output yaml is not available in kubectl config get-contexts; resetting to default output format'],
    [['config', 'foo'], "error: unknown command \"foo\"\nSee 'kubectl config -h' for help and examples"],
    [['config', 'foo', 'bar'], "error: unknown command \"foo bar\"\nSee 'kubectl config -h' for help and examples"],
    [['config', 'use-context', '--bogus'], "error: unknown flag: --bogus\nSee 'kubectl config use-context --help' for usage."],
  ])('%j', (argv, message) => {
    expect(parse(...argv)).toEqual({ type: 'error', message, status: 1, from: 'cli' });
  });

  it('`kubectl config` alone prints its help on stderr and exits 1', () => {
    const r = parse('config');
    expect(r.type === 'error' && r.status).toBe(1);
    expect(r.type === 'error' && r.message).toMatch(/^Usage:\n {2}kubectl config SUBCOMMAND/);
  });

  it.each([[['config', 'view']], [['config', 'set-context', 'x']], [['config', 'get-clusters']]])('%j is real but not modelled', (argv) => {
    expect(parse(...argv).type).toBe('unmodelled');
  });

  it.each([[['config', '--help']], [['config', 'use-context', '-h']]])('%j shows help', (argv) => {
    expect(parse(...argv).type).toBe('help');
  });
});

describe('the root --context flag', () => {
  it.each<[string[], string | undefined]>([
    [['--context', 'lab-crio', 'get', 'pods'], 'lab-crio'],
    [['get', 'pods', '--context=lab-crio'], 'lab-crio'],
    [['run', 'p', '--image=debian', '--context', 'lab-crio', '--', 'sh'], 'lab-crio'],
    [['exec', 'p', '--context=x', '--', 'id'], 'x'],
    [['get', 'pods', '--context='], undefined],
    [['get', 'pods'], undefined],
  ])('%j', (argv, context) => {
    const r = parse(...argv);
    expect(r.type === 'get' || r.type === 'run' || r.type === 'exec' ? r.context : 'not a command').toBe(context);
  });

  it('is a modelled flag of kubectl run, not one the lab lists as ignored', () => {
    const r = parse('--context', 'lab-crio', 'run', 'p', '--image=debian');
    expect(r.type === 'run' && r.request.unmodelled).toBeUndefined();
  });

  it.each<[string[], string | undefined]>([
    [['kubectl', '--context', 'nope', 'run', 'P', '--image=debian'], 'nope'],
    [['kubectl', 'run', 'P', '--context=a', '--context=b'], 'b'],
    [['kubectl', 'run', 'P', '--', '--context', 'a'], undefined],
  ])('read from a line that failed to parse: %j', (argv, context) => {
    expect(kubectlContextFlag(argv)).toBe(context);
  });
});

describe('what kubectl config prints', () => {
  const TABLE = 'CURRENT   NAME             CLUSTER          AUTHINFO               NAMESPACE\n'
    + '*         lab-containerd   lab-containerd   lab-containerd-admin   \n'
    + '          lab-crio         lab-crio         lab-crio-admin         \n';

  it.each([
    ['the table, sorted, * on the current context', 'lab-containerd', [], { nameOnly: false, noHeaders: false }, { stdout: TABLE, stderr: '', status: 0 }],
    ['--no-headers: the column widths start from tabwriter\'s minimum', 'lab-crio', ['lab-crio'], { nameOnly: false, noHeaders: true }, { stdout: '*     lab-crio   lab-crio   lab-crio-admin   \n', stderr: '', status: 0 }],
    ['-o name: the names only', 'lab-crio', [], { nameOnly: true, noHeaders: false }, { stdout: 'lab-containerd\nlab-crio\n', stderr: '', status: 0 }],
    ['one missing name: its error after the table', 'lab-crio', ['x', 'lab-crio'], { nameOnly: false, noHeaders: false },
      { stdout: 'CURRENT   NAME       CLUSTER    AUTHINFO         NAMESPACE\n*         lab-crio   lab-crio   lab-crio-admin   \n', stderr: 'error: context x not found\n', status: 1 }],
    ['several: an aggregate, each once', 'lab-crio', ['x', 'y', 'x'], { nameOnly: true, noHeaders: false }, { stdout: '', stderr: 'error: [context x not found, context y not found]\n', status: 1 }],
  ])('get-contexts: %s', (_what, current, names, opts, expected) => {
    expect(getContexts(current, names, opts)).toEqual({ ...expected, current });
  });

  it.each([
    [['lab-crio'], { stdout: 'Switched to context "lab-crio".\n', stderr: '', status: 0, current: 'lab-crio' }],
    [['x'], { stdout: '', stderr: 'error: no context exists with the name: "x"\n', status: 1, current: 'lab-containerd' }],
    [[''], { stdout: '', stderr: 'error: empty context names are not allowed\n', status: 1, current: 'lab-containerd' }],
    [[], { stdout: USAGE, stderr: 'error: Unexpected args: []\n', status: 1, current: 'lab-containerd' }],
    [['a', 'b'], { stdout: USAGE, stderr: 'error: Unexpected args: [a b]\n', status: 1, current: 'lab-containerd' }],
  ])('use-context %j', (args, expected) => {
    expect(useContext('lab-containerd', args, USAGE)).toEqual(expected);
  });

  it('a --context that names no context: a configuration error, without `error: `', () => {
    expect(contextNotFoundText('x')).toBe('Error in configuration: context was not found for specified context: x\n');
  });

  it('lays out a row as kubectl\'s own get-contexts test expects (pkg/cmd/config/get_contexts_test.go TestGetContextsAll)', () => {
    expect(goTabwriter([['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ['*', 'shaker-context', 'big-cluster', 'blue-user', 'saw-ns']]))
      .toBe('CURRENT   NAME             CLUSTER       AUTHINFO    NAMESPACE\n*         shaker-context   big-cluster   blue-user   saw-ns\n');
  });
});
