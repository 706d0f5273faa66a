import type { ReportInput, ReportSeriesPoint } from './types';

// A fixed, realistic ReportInput for tests of the renderer and of the bag writer (h11a).
function series(days: number, peak: number): ReportSeriesPoint[] {
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10);
    const t = (i + 1) / days;
    return {
      key: day,
      events: Math.round(peak * (0.2 + 0.8 * t) * (i % 7 === 5 ? 0.4 : 1)),
      coverage: Math.min(1, 0.05 + 0.9 * Math.sqrt(t)),
      band_lo: 0.02 + 0.1 * t,
      band_hi: 0.08 + 0.3 * t,
    };
  });
}

export const EXHIBIT_SHA =
  '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' as const;

export function testReportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    caption: 'Distill Watch — Privileged & Confidential — prepared at the request of counsel',
    case: {
      id: '4f1c2a9e-7d3b-4c55-9e0a-2b6f8d1e3c70',
      title: 'Coordinated capability sweep via rotating keys',
      summary:
        'Twelve accounts sharing two ASNs and one payment fingerprint systematically swept the ' +
        'capability taxonomy with templated prompts and requested reasoning traces at scale.',
      status: 'escalated',
    },
    builtAt: new Date('2026-11-30T04:00:00.000Z'),
    preparedBy: { name: 'Lee Legal', email: 'legal@example.test', role: 'legal' },
    organization: { name: 'Example AI Ltd.', contactEmail: 'legal@example.test' },
    dataSources: [
      {
        name: 'API gateway events',
        description:
          'One row per request: account, key, time, tokens, finish reason, prompt and response text.',
      },
      {
        name: 'Account registry',
        description: 'Sign-up time, payment fingerprint, declared organisation.',
      },
    ],
    timeZone: 'UTC',
    timeRange: { from: '2026-10-01', to: '2026-10-30' },
    method: {
      productVersion: '0.1.0',
      gitCommit: '0123456789abcdef0123456789abcdef01234567',
      detectionRunId: 'run-42',
      detectionRunAt: '2026-11-01T00:00:00Z',
      signals: [
        {
          id: 'volume_z',
          label: 'Volume (robust z)',
          unit: 'z',
          lo: 2.5,
          hi: 6,
          explain: 'Event count above the cohort median.',
        },
        {
          id: 'timing_cv',
          label: 'Inter-arrival CV',
          unit: '',
          lo: 0.35,
          hi: 0.8,
          invert: true,
          explain: 'Regularity of request gaps.',
        },
      ],
      thresholds: {
        accountThreshold: 0.6,
        clusterThreshold: 0.6,
        minEvents: 200,
        linkThreshold: 2.5,
      },
      weights: { volume_z: 0.6, timing_cv: 1.1 },
      riskFormula: 'risk = logistic(slope × (Σ weight × evidence − bias)), slope 2.2, bias 3',
    },
    findings: [
      {
        kind: 'cluster',
        id: 'cl-7',
        title: 'Shared ASN + payment fingerprint',
        risk: 0.93,
        events: 48210,
        firstSeen: '2026-10-01',
        lastSeen: '2026-10-30',
        members: 12,
        reasons: ['12 accounts linked by 3 shared indicators'],
        signals: [],
        series: series(30, 2400),
      },
      {
        kind: 'account',
        id: 'acct-0042',
        title: 'acme-research',
        risk: 0.88,
        events: 4210,
        firstSeen: '2026-10-01',
        lastSeen: '2026-10-30',
        clusterId: 'cl-7',
        reasons: ['Coverage above the benign band from day 4', 'Regular request timing (CV 0.21)'],
        signals: [
          {
            id: 'volume_z',
            label: 'Volume (robust z)',
            value: 5.1,
            unit: 'z',
            evidence: 0.74,
            weight: 0.6,
          },
          {
            id: 'timing_cv',
            label: 'Inter-arrival CV',
            value: 0.21,
            unit: '',
            evidence: 1,
            weight: 1.1,
          },
        ],
        series: series(30, 200),
      },
    ],
    clauses: [],
    limitations: ['Events before 2026-10-01 were not retained.'],
    alternativeExplanations: [
      'A benchmark team running an evaluation suite (ruled out: no declared evaluation).',
    ],
    exhibits: [
      {
        label: 'PROD0000001–PROD0000001',
        path: 'data/natives/PROD0000001.jsonl',
        bytes: 120344,
        sha256: EXHIBIT_SHA,
      },
    ],
    custody: [
      {
        seq: 1,
        at: '2026-11-01T09:00:00Z',
        actor: 'ana@example.test',
        action: 'case.created',
        detail: 'Opened from queue item',
        hash: 'a'.repeat(64),
      },
      {
        seq: 2,
        at: '2026-11-30T04:00:00Z',
        actor: 'legal@example.test',
        action: 'evidence.export_started',
        detail: 'redaction on',
        hash: 'b'.repeat(64),
      },
    ],
    sample: {
      method: 'Stratified by day and account, 5 events per stratum.',
      seed: 'seed-1',
      size: 150,
    },
    fields: 'full',
    redaction: { enabled: true, byKind: { email: 3, phone: 1 }, total: 4 },
    declaration: {
      name: 'Lee Legal',
      title: 'Counsel',
      text: 'I declare that this report and the files listed in it were produced by the system described above from records kept in the ordinary course of business.',
    },
    ...overrides,
  };
}
