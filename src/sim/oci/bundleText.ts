import { marshalIndent, struct } from './goJson.ts';

/**
 * What `runc state` and `runc list` print.
 * `runc state`: the containerState struct of list.go, written with
 * json.MarshalIndent(cs, "", "  ") and no newline after it; the pid is 0
 * once the container has stopped; `owner` is left empty (only `runc list`
 * fills it in); annotations are omitted when there are none.
 * `runc list`: a tabwriter (minwidth 12, padding 3) table of ID, PID,
 * STATUS, BUNDLE, CREATED (RFC 3339 with nanoseconds) and OWNER.
 * @see opencontainers/runc state.go, list.go (containerState, listCommand)
 */
export interface RuncListed {
  ociVersion: string;
  id: string;
  pid: number;
  status: 'created' | 'running' | 'stopped';
  bundle: string;
  rootfs: string;
  created: string;
  owner: string;
}

/** json.MarshalIndent with two spaces: the lab's writer indents with tabs, and strings hold no raw tab. */
const twoSpaces = (text: string) => text.replace(/^\t+/gm, (tabs) => '  '.repeat(tabs.length));

export function runcStateText(s: RuncListed): string {
  return twoSpaces(marshalIndent(struct([
    ['ociVersion', s.ociVersion, 'always'], ['id', s.id, 'always'], ['pid', s.status === 'stopped' ? 0 : s.pid, 'always'],
    ['status', s.status, 'always'], ['bundle', s.bundle, 'always'], ['rootfs', s.rootfs, 'always'],
    ['created', s.created, 'always'], ['owner', '', 'always'],
  ])));
}

/** text/tabwriter with minwidth 12, tabwidth 1, padding 3: every column but the last is as wide as its widest cell plus 3, and at least 12. */
export function runcListText(rows: readonly RuncListed[], quiet: boolean): string {
  if (quiet) return rows.map((r) => `${r.id}\n`).join('');
  const cells = [['ID', 'PID', 'STATUS', 'BUNDLE', 'CREATED', 'OWNER'],
    ...rows.map((r) => [r.id, String(r.status === 'stopped' ? 0 : r.pid), r.status, r.bundle, r.created, r.owner])];
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(12, ...cells.map((row) => (row[i] ?? '').length + 3)));
  return cells.map((row) => row.map((c, i) => (i < 5 ? c.padEnd(widths[i] ?? 12) : c)).join('')).join('\n') + '\n';
}

/** `runc list --format json`: json.Encoder, one line, `null` for no containers, annotations omitted when empty. */
export function runcListJson(rows: readonly RuncListed[]): string {
  if (rows.length === 0) return 'null\n';
  return `${JSON.stringify(rows.map((r) => ({
    ociVersion: r.ociVersion, id: r.id, pid: r.status === 'stopped' ? 0 : r.pid, status: r.status, bundle: r.bundle, rootfs: r.rootfs, created: r.created, owner: r.owner,
  })))}\n`;
}
