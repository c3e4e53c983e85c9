import { describe, expect, it } from 'vitest';
import { auditVerdict } from './audit';

// Shapes of `npm audit --json` (npm 11, report version 2).
const report = (vulnerabilities: Record<string, { severity: string }>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: Object.fromEntries(
      Object.entries(vulnerabilities).map(([name, { severity }]) => [
        name,
        { name, severity, via: [], effects: [], range: '*', nodes: [], fixAvailable: true },
      ]),
    ),
    metadata: {
      vulnerabilities: {
        info: 0,
        low: 0,
        moderate: Object.values(vulnerabilities).filter((v) => v.severity === 'moderate').length,
        high: Object.values(vulnerabilities).filter((v) => v.severity === 'high').length,
        critical: Object.values(vulnerabilities).filter((v) => v.severity === 'critical').length,
        total: Object.keys(vulnerabilities).length,
      },
      dependencies: { prod: 40, dev: 0, optional: 0, peer: 0, peerOptional: 0, total: 40 },
    },
  });

describe('the npm audit gate', () => {
  it('passes a report with no findings, or only moderate ones', () => {
    expect(auditVerdict(report({})).kind).toBe('clean');
    expect(auditVerdict(report({ 'some-lib': { severity: 'moderate' } })).kind).toBe('clean');
  });

  it('fails on a high or a critical finding and names the packages', () => {
    expect(auditVerdict(report({ 'bad-lib': { severity: 'high' } }))).toMatchObject({
      kind: 'findings',
      packages: ['bad-lib (high)'],
    });
    expect(
      auditVerdict(
        report({ 'worse-lib': { severity: 'critical' }, 'meh-lib': { severity: 'low' } }),
      ),
    ).toMatchObject({ kind: 'findings', packages: ['worse-lib (critical)'] });
  });

  it('says nothing was audited when the registry refuses the audit endpoint', () => {
    const refused = JSON.stringify({
      message:
        '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      body: '',
    });
    expect(auditVerdict(refused)).toEqual({
      kind: 'unavailable',
      reason: expect.stringContaining('405 Method Not Allowed'),
    });
    expect(auditVerdict('').kind).toBe('unavailable');
  });
});
