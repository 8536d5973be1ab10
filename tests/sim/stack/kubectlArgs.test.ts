import { describe, expect, it } from 'vitest';
import { kubectlRuntimeClassNotFound, parseKubectl, type KubectlParse } from '../../../src/sim/stack/kubectlArgs.ts';
import { defaultRequest } from '../../../src/sim/stack/runRequest.ts';

const parse = (...argv: string[]): KubectlParse => parseKubectl(['kubectl', ...argv]);
const GVISOR = '--overrides={"spec":{"runtimeClassName":"gvisor"}}';
const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('kubectl run', () => {
  it('the RuntimeClass comes from --overrides', () => {
    expect(parse('run', 'sbx', '--image=debian', '--restart=Never', '-it', '--rm', GVISOR, '--', 'sh')).toEqual({
      type: 'run', name: 'sbx', restartPolicy: 'Never', attach: true, runtimeClassName: 'gvisor',
      request: { ...defaultRequest('debian'), name: 'sbx', command: ['sh'], runtime: 'gvisor', interactive: true, tty: true, remove: true },
    });
  });

  it.each([
    [['run', 'p', '--image', 'debian'], { restartPolicy: 'Always', attach: false, request: { detach: true } }],
    [['run', 'p', '--image=debian', '-i', '-t'], { restartPolicy: 'Always', attach: true, request: { interactive: true, tty: true } }],
    [['run', 'p', '--image=debian', '-i', '--restart='], { restartPolicy: 'OnFailure', attach: true, request: { interactive: true } }],
    [['run', 'p', '--image=debian', '--attach'], { restartPolicy: 'Always', attach: true, request: {} }],
    [['run', 'p', '--image=debian', '--privileged'], { restartPolicy: 'Always', attach: false, request: { privileged: true, detach: true } }],
    [['run', 'p', '--image=debian', '--env=A=1', '--env', 'B=2'], { restartPolicy: 'Always', attach: false, request: { env: ['A=1', 'B=2'], detach: true } }],
    [['run', 'p', '--image=debian', '--', 'sleep', '60'], { restartPolicy: 'Always', attach: false, request: { command: ['sleep', '60'], detach: true } }],
    [['run', 'p', '--image=debian', '--command', '--', '/bin/sh', '-c', 'id'], { restartPolicy: 'Always', attach: false, request: { entrypoint: '/bin/sh', command: ['-c', 'id'], detach: true } }],
    [['run', 'p', '--image=debian', '--overrides={"spec":{"hostPID":true,"hostNetwork":true}}'], { restartPolicy: 'Always', attach: false, request: { pid: 'host', network: 'host', detach: true } }],
    [['run', 'p', '--image=debian', '--overrides={"spec":{"runtimeClassName":null}}'], { restartPolicy: 'Always', attach: false, request: { detach: true } }],
    [['run', 'p', '--image=debian', '--overrides={"spec":{"dnsPolicy":"None"}}'], { restartPolicy: 'Always', attach: false, request: { detach: true, unmodelled: ['--overrides spec.dnsPolicy'] } }],
  ])('%j', (argv, { request, ...rest }) => {
    const r = parse(...argv);
    expect(r).toEqual({ type: 'run', name: 'p', ...rest, request: { ...defaultRequest('debian'), name: 'p', detach: false, ...request } });
  });

  it('-n names the namespace, before or after the command', () => {
    expect(parse('-n', 'lab', 'run', 'p', '--image=debian')).toMatchObject({ type: 'run', namespace: 'lab' });
    expect(parse('run', 'p', '--image=debian', '--namespace=lab')).toMatchObject({ type: 'run', namespace: 'lab' });
  });

  it.each([
    [['run', 'p', '--image=debian', '--runtime-class', 'gvisor'], 'error: unknown flag: --runtime-class\nSee \'kubectl run --help\' for usage.\nhint (Isolation Lab): set the RuntimeClass with --overrides=\'{"spec":{"runtimeClassName":"gvisor"}}\''],
    [['run', 'p', '--image=debian', '--runtimeClassName=gvisor'], 'error: unknown flag: --runtimeClassName\nSee \'kubectl run --help\' for usage.\nhint (Isolation Lab): set the RuntimeClass with --overrides=\'{"spec":{"runtimeClassName":"gvisor"}}\''],
    [['run', 'p', '--image=debian', '--foo'], "error: unknown flag: --foo\nSee 'kubectl run --help' for usage."],
    [['run', 'p', '--image'], "error: flag needs an argument: --image\nSee 'kubectl run --help' for usage."],
    [['run', 'p'], 'error: required flag(s) "image" not set'],
    [['run', '--image=debian'], 'error: NAME is required for run'],
    [['run', '--image=debian', '--', 'sh'], 'error: NAME is required for run'],
    [['run', 'p', '--image='], 'error: --image is required'],
    [['run', 'p', '--image=Debian'], 'error: invalid image name "Debian": invalid reference format'],
    [['run', 'p', '--image=debian', '-t'], 'error: -i/--stdin is required for containers with -t/--tty=true'],
    [['run', 'p', '--image=debian', '--rm'], 'error: --rm should only be used for attached containers'],
    [['run', 'p', '--image=debian', '--restart=Sometimes'], 'error: invalid restart policy: Sometimes, valid values are: Always, OnFailure, Never'],
    [['run', 'p', '--image=debian', '--env=1A=b'], 'error: invalid env: 1A=b'],
    [['run', 'p', '--image=debian', '--env=A'], 'error: invalid env: A'],
    [['run', 'p', '--image=debian', '--labels=a'], 'error: unexpected label spec: a'],
    [['run', 'p', '--image=debian', '--port=http'], 'error: --port must be a number'],
    [['run', 'p', '--image=debian', '--overrides={bad'], 'error: Invalid JSON Patch'],
    [['run', 'p', '--image=debian', '--overrides=null'], 'error: Invalid JSON Patch'],
    [['run', 'p', '--image=debian', '--overrides=42'], 'error: Invalid JSON Patch'],
    [['run', 'p', '--image=debian', '--override-type=xml', GVISOR], 'error: invalid override type: xml'],
  ])('%j', (argv, message) => {
    expect(parse(...argv)).toEqual({ type: 'error', message, status: 1, from: 'cli' });
  });

  it.each([
    ['Foo', `The Pod "Foo" is invalid: \n* metadata.name: Invalid value: "Foo": ${SUBDOMAIN}\n* spec.containers[0].name: Invalid value: "Foo": ${LABEL}`],
    ['a.b', 'The Pod "a.b" is invalid: spec.containers[0].name: Invalid value: "a.b": must not contain dots'],
    ['_x', `The Pod "_x" is invalid: \n* metadata.name: Invalid value: "_x": ${SUBDOMAIN}\n* metadata.labels: Invalid value: "_x": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n* spec.containers[0].name: Invalid value: "_x": ${LABEL}`],
  ])('the API server refuses the name %s', (name, message) => {
    expect(parse('run', name, '--image=debian')).toEqual({ type: 'error', message, status: 1, from: 'apiserver' });
  });

  it('a name too long for a container label', () => {
    const name = 'a'.repeat(64);
    const r = parse('run', name, '--image=debian');
    expect(r.type === 'error' && r.message).toBe(`The Pod "${name}" is invalid: \n* metadata.labels: Invalid value: "${name}": must be no more than 63 characters\n* spec.containers[0].name: Invalid value: "${name}": must be no more than 63 characters`);
  });

  it('the RuntimeClass name is checked as a DNS subdomain', () => {
    const r = parse('run', 'p', '--image=debian', '--overrides={"spec":{"runtimeClassName":"GVisor"}}');
    expect(r).toEqual({ type: 'error', message: `The Pod "p" is invalid: spec.runtimeClassName: Invalid value: "GVisor": ${SUBDOMAIN}`, status: 1, from: 'apiserver' });
  });

  it('admission refuses a RuntimeClass the cluster lacks (the caller decides)', () => {
    expect(kubectlRuntimeClassNotFound('p', 'kata')).toEqual({
      type: 'error', message: 'Error from server (Forbidden): pods "p" is forbidden: pod rejected: RuntimeClass "kata" not found', status: 1, from: 'apiserver',
    });
  });

  it.each([
    [['run', 'p', '--image=debian', '--overrides={"spec":{"containers":[]}}'], /spec\.containers/],
    [['run', 'p', '--image=debian', '--overrides=[]'], /JSON array/],
    [['run', 'p', '--image=debian', '--dry-run=client'], /--dry-run/],
    [['run', 'p', '--image=debian', '--override-type=json', '--overrides=[]'], /override-type=json/],
  ])('%j is real but unmodelled', (argv, pattern) => {
    const r = parse(...argv);
    expect(r.type).toBe('unmodelled');
    expect(r.type === 'unmodelled' && r.message).toMatch(pattern);
  });
});

describe('kubectl get, describe, delete, exec', () => {
  it.each<[string[], KubectlParse]>([
    [['get', 'pods'], { type: 'get', resource: 'pods', names: [], allNamespaces: false, watch: false }],
    [['get', 'pods', '-o', 'wide'], { type: 'get', resource: 'pods', names: [], output: 'wide', allNamespaces: false, watch: false }],
    [['get', 'po', 'web', '-owide'], { type: 'get', resource: 'pods', names: ['web'], output: 'wide', allNamespaces: false, watch: false }],
    [['get', 'pod/web', 'pod/db'], { type: 'get', resource: 'pods', names: ['web', 'db'], allNamespaces: false, watch: false }],
    [['get', 'pods', '-A', '-w'], { type: 'get', resource: 'pods', names: [], allNamespaces: true, watch: true }],
    [['get', 'runtimeclass'], { type: 'get', resource: 'runtimeclasses', names: [], allNamespaces: false, watch: false }],
    [['get', 'runtimeclasses.node.k8s.io', 'gvisor'], { type: 'get', resource: 'runtimeclasses', names: ['gvisor'], allNamespaces: false, watch: false }],
    [['-n', 'kube-system', 'get', 'pods'], { type: 'get', resource: 'pods', names: [], allNamespaces: false, watch: false, namespace: 'kube-system' }],
    [['describe', 'pod', 'web'], { type: 'describe', resource: 'pods', names: ['web'] }],
    [['describe', 'pods'], { type: 'describe', resource: 'pods', names: [] }],
    [['delete', 'pod', 'web'], { type: 'delete', resource: 'pods', names: ['web'], all: false, force: false }],
    [['delete', 'pods', '--all'], { type: 'delete', resource: 'pods', names: [], all: true, force: false }],
    [['delete', 'pod', 'web', '--force', '--grace-period=0'], { type: 'delete', resource: 'pods', names: ['web'], all: false, force: true, gracePeriod: 0 }],
    [['delete', 'pod', 'web', '--cascade'], { type: 'delete', resource: 'pods', names: ['web'], all: false, force: false }],
    [['exec', '-it', 'web', '--', 'sh'], { type: 'exec', pod: 'web', command: ['sh'], stdin: true, tty: true }],
    [['exec', 'web', '-c', 'app', '--', 'ls', '-l'], { type: 'exec', pod: 'web', command: ['ls', '-l'], stdin: false, tty: false, container: 'app' }],
    [['exec', 'pod/web', '--', 'id'], { type: 'exec', pod: 'web', command: ['id'], stdin: false, tty: false }],
  ])('%j', (argv, expected) => {
    expect(parse(...argv)).toEqual(expected);
  });

  it.each([
    [['get'], 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples', 'cli'],
    [['get', 'foo'], 'error: the server doesn\'t have a resource type "foo"', 'apiserver'],
    [['get', 'pods', '--foo'], "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.", 'cli'],
    [['describe'], 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n', 'cli'],
    [['delete'], "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", 'cli'],
    [['delete', 'pod'], 'error: resource(s) were provided, but no name was specified', 'cli'],
    [['delete', 'pod', 'web', '--now', '--grace-period=5'], 'error: --now and --grace-period cannot be specified together', 'cli'],
    [['exec', 'web', 'sh'], "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples", 'cli'],
    [['exec', 'web'], 'error: you must specify at least one command for the container', 'cli'],
    [['exec', '--', 'sh'], 'error: pod, type/name or --filename must be specified', 'cli'],
    [['gett', 'pods'], 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n\tset', 'cli'],
    [['zzzz'], 'error: unknown command "zzzz" for "kubectl"', 'cli'],
    [['rm', 'pod', 'x'], 'error: unknown command "rm" for "kubectl"\n\nDid you mean this?\n\tcp\n\tdelete\n\trun', 'cli'],
    [['inspect', 'pod', 'x'], 'error: unknown command "inspect" for "kubectl"\n\nDid you mean this?\n\tdescribe', 'cli'],
    [['--foo'], "error: unknown flag: --foo\nSee 'kubectl --help' for usage.", 'cli'],
  ])('%j', (argv, message, from) => {
    expect(parse(...argv)).toEqual({ type: 'error', message, status: 1, from });
  });

  it.each([[['logs', 'web']], [['apply', '-f', 'x.yaml']], [['get', 'nodes']], [['get', 'deploy']], [['get', 'pods,svc']]])('%j is real but not modelled', (argv) => {
    expect(parse(...argv).type).toBe('unmodelled');
  });

  it.each([[[]], [['--help']], [['run', '--help']], [['get', '-h']]])('%j shows help', (argv) => {
    expect(parse(...argv).type).toBe('help');
  });
});
