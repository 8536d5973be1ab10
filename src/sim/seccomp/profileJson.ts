import type { SeccompArg, SeccompFilter, SeccompProfile, SeccompRule } from './profile.ts';

/**
 * A profile written back as Docker's JSON (the format `docker run
 * --security-opt seccomp=FILE` reads and parseProfile.ts loads): what the
 * page's profile editor starts from when a person asks for Docker's default.
 * Argument values are unsigned 64-bit, so they are written from bigint as
 * exact decimal integers (JSON.stringify cannot write a bigint).
 * @see moby/profiles seccomp/seccomp.go (the JSON field names: names, action, errnoRet, args, includes, excludes)
 */
export function profileToJson(profile: SeccompProfile): string {
  const lines: string[] = ['{', `  "defaultAction": ${str(profile.defaultAction)},`];
  if (profile.defaultErrnoRet !== undefined) lines.push(`  "defaultErrnoRet": ${profile.defaultErrnoRet},`);
  if (profile.architectures?.length) lines.push(`  "architectures": [${profile.architectures.map(str).join(', ')}],`);
  if (profile.archMap?.length) {
    lines.push('  "archMap": [');
    profile.archMap.forEach((a, i) => {
      const comma = i < (profile.archMap?.length ?? 0) - 1 ? ',' : '';
      lines.push(`    { "architecture": ${str(a.architecture)}, "subArchitectures": [${a.subArchitectures.map(str).join(', ')}] }${comma}`);
    });
    lines.push('  ],');
  }
  lines.push('  "syscalls": [');
  profile.syscalls.forEach((rule, i) => lines.push(...ruleLines(rule, i < profile.syscalls.length - 1)));
  lines.push('  ]', '}');
  return `${lines.join('\n')}\n`;
}

const str = (s: string): string => JSON.stringify(s);

function ruleLines(rule: SeccompRule, comma: boolean): string[] {
  const fields: string[] = [];
  fields.push(`      "names": [\n${rule.names.map((n) => `        ${str(n)}`).join(',\n')}\n      ]`);
  fields.push(`      "action": ${str(rule.action)}`);
  if (rule.errnoRet !== undefined) fields.push(`      "errnoRet": ${rule.errnoRet}`);
  if (rule.args?.length) fields.push(`      "args": [\n${rule.args.map(argText).join(',\n')}\n      ]`);
  if (rule.comment) fields.push(`      "comment": ${str(rule.comment)}`);
  if (rule.includes && hasFilter(rule.includes)) fields.push(`      "includes": ${filterText(rule.includes)}`);
  if (rule.excludes && hasFilter(rule.excludes)) fields.push(`      "excludes": ${filterText(rule.excludes)}`);
  return ['    {', fields.join(',\n'), `    }${comma ? ',' : ''}`];
}

function argText(a: SeccompArg): string {
  return `        { "index": ${a.index}, "value": ${a.value.toString()}, "valueTwo": ${a.valueTwo.toString()}, "op": ${str(a.op)} }`;
}

const hasFilter = (f: SeccompFilter): boolean => Boolean(f.caps?.length || f.arches?.length || f.minKernel);

function filterText(f: SeccompFilter): string {
  const parts: string[] = [];
  if (f.caps?.length) parts.push(`"caps": [${f.caps.map(str).join(', ')}]`);
  if (f.arches?.length) parts.push(`"arches": [${f.arches.map(str).join(', ')}]`);
  if (f.minKernel) parts.push(`"minKernel": "${f.minKernel[0]}.${f.minKernel[1]}"`);
  return `{ ${parts.join(', ')} }`;
}
