// `npm run audit`: audits the packages the built app ships (`npm audit
// --omit=dev`) and fails on any high or critical finding. When the registry
// cannot be asked (some mirrors refuse the audit endpoint), it says loudly
// that nothing was audited instead of passing in silence.
import { spawnSync } from 'node:child_process';

type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

interface AuditReport {
  metadata?: { vulnerabilities?: Partial<Record<Severity, number>> };
  vulnerabilities?: Record<string, { severity: Severity; via: unknown[] }>;
  statusCode?: number;
  message?: string;
  error?: { summary?: string; code?: string };
}

export type AuditVerdict =
  | { kind: 'clean'; counts: Partial<Record<Severity, number>> }
  | { kind: 'findings'; counts: Partial<Record<Severity, number>>; packages: string[] }
  | { kind: 'unavailable'; reason: string };

const FAILING: Severity[] = ['high', 'critical'];

/** Reads `npm audit --json` output. */
export function auditVerdict(output: string): AuditVerdict {
  let report: AuditReport;
  try {
    report = JSON.parse(output) as AuditReport;
  } catch {
    return { kind: 'unavailable', reason: `npm audit printed no report: ${output.slice(0, 200)}` };
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    const reason =
      report.message ?? report.error?.summary ?? `no report (status ${report.statusCode})`;
    return { kind: 'unavailable', reason };
  }
  const packages = Object.entries(report.vulnerabilities ?? {})
    .filter(([, finding]) => FAILING.includes(finding.severity))
    .map(([name, finding]) => `${name} (${finding.severity})`);
  return FAILING.some((severity) => (counts[severity] ?? 0) > 0)
    ? { kind: 'findings', counts, packages }
    : { kind: 'clean', counts };
}

function main() {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
  const verdict = auditVerdict(run.stdout);
  if (verdict.kind === 'clean') {
    console.log('npm audit --omit=dev: no high or critical findings', verdict.counts);
  } else if (verdict.kind === 'findings') {
    console.error('npm audit --omit=dev: high or critical findings in', verdict.packages);
    process.exitCode = 1;
  } else {
    console.warn(
      `npm audit --omit=dev: NOT AUDITED, the registry could not be asked (${verdict.reason}).`,
    );
    // Set AUDIT_REQUIRED=1 where the registry answers, so this fails too.
    if (process.env.AUDIT_REQUIRED === '1') process.exitCode = 1;
  }
}

if (process.argv[1]?.endsWith('audit.ts')) main();
