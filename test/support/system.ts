import { ApiClient } from './api-client';
import { RunningProcess, startApi, startWorker } from './processes';
import { TestEnvironment, createTestEnvironment } from './services';

export const STAFF = {
  clerk: { username: 'clerk.kim', displayName: 'Kim Records', title: 'Records Clerk', roles: ['clerk'] },
  attorney: { username: 'atty.patel', displayName: 'Ravi Patel', title: 'Deputy City Attorney', roles: ['attorney'] },
  director: { username: 'dir.lopez', displayName: 'Maria Lopez', title: 'Library Director', roles: ['director'] },
  auditor: { username: 'audit.chen', displayName: 'Ann Chen', title: 'Internal Auditor', roles: ['auditor'] },
  /** Holds every case role, to prove separation of duties is per person and per case. */
  allRounder: { username: 'all.round', displayName: 'Sam Many', title: 'Assistant Director', roles: ['clerk', 'attorney', 'director'] },
  otherClerk: { username: 'clerk.other', displayName: 'Olga Other', title: 'Records Clerk', roles: ['clerk'] },
} as const;
export type StaffKey = keyof typeof STAFF;
export const STAFF_PASSWORD = 'correct-horse-battery';

/** A running Custodian for one test file: its own database, queue prefix, API and worker processes. */
export class TestSystem {
  api!: RunningProcess & { baseUrl: string };
  worker?: RunningProcess;
  anonymous!: ApiClient;
  admin!: ApiClient;
  users: Partial<Record<StaffKey, { id: string; client: ApiClient }>> = {};

  private constructor(
    readonly environment: TestEnvironment,
    readonly logName: string,
  ) {}

  static async start(logName: string, options: { dialect?: 'postgres' | 'sqlite'; worker?: boolean; env?: Record<string, string>; postgresAdminUrl?: string } = {}): Promise<TestSystem> {
    const system = new TestSystem(await createTestEnvironment(options.dialect ?? 'postgres', options.env, options.postgresAdminUrl), logName);
    try {
      system.api = await startApi(system.environment.env, logName);
      if (options.worker !== false) system.worker = await startWorker(system.environment.env, logName);
      system.anonymous = new ApiClient(system.api.baseUrl);
      system.admin = await system.anonymous.login('admin', system.environment.env.ADMIN_PASSWORD);
    } catch (error) {
      await system.stop();
      throw error;
    }
    return system;
  }

  async startWorker(): Promise<RunningProcess> {
    this.worker = await startWorker(this.environment.env, this.logName);
    return this.worker;
  }

  /** Creates (once) and signs in a staff user. */
  async as(key: StaffKey): Promise<ApiClient> {
    if (!this.users[key]) {
      const created = await this.admin.post('/api/users', { ...STAFF[key], roles: [...STAFF[key].roles], password: STAFF_PASSWORD });
      if (created.status !== 201) throw new Error(`could not create ${key}: ${JSON.stringify(created.body)}`);
      this.users[key] = { id: created.body.id, client: await this.anonymous.login(STAFF[key].username, STAFF_PASSWORD) };
    }
    return this.users[key]!.client;
  }

  userId(key: StaffKey): string {
    return this.users[key]!.id;
  }

  /** Gives the case's review ('attorney') or decision ('director') to a staff user, as the admin, through the audited route. */
  async assign(caseId: string, slot: 'attorney' | 'director', key: StaffKey): Promise<void> {
    await this.as(key);
    const response = await this.admin.post(`/api/cases/${caseId}/assignment`, { slot, userId: this.userId(key), reason: 'Assigned by the test' });
    if (response.status !== 200 && !(response.status === 422 && /already the case/.test(JSON.stringify(response.body)))) {
      throw new Error(`could not assign ${key} as ${slot}: ${response.status} ${JSON.stringify(response.body)}`);
    }
  }

  async stop(): Promise<void> {
    await this.worker?.stop();
    await this.api?.stop();
    await this.environment.dispose();
  }
}

export function courtOrderCase(overrides: Record<string, unknown> = {}) {
  return {
    requestType: 'court_order',
    receivedAt: '2026-11-20T10:15:00-08:00',
    channel: 'in_person',
    requester: { name: 'Det. A. Ruiz', agency: 'Palm Desert Police', email: 'aruiz@example.gov', phone: '760-555-0100', badgeNumber: '4411', verification: 'id_copied' },
    instrument: { issuedBy: 'Superior Court of California, County of Riverside', judge: 'Hon. L. Ortega', docketNumber: 'RIC2600123', issuedAt: '2026-11-18', complianceDate: '2026-12-10' },
    scope: { cardNumbers: ['23000000012345'], from: '2026-01-01', to: '2026-10-31', recordTypes: ['patron', 'loans'] },
    nondisclosureUntil: null,
    emergency: false,
    summary: 'Order for circulation records of one patron',
    ...overrides,
  };
}

export const SUFFICIENT_COURT_ORDER_REVIEW = {
  checklist: { issuing_court_superior: true, judge_signature: true, case_number: true, records_named_with_particularity: true, date_range_stated: true, patron_identified: true },
  sufficiency: 'sufficient',
  recommendation: 'fulfil',
  reasons: [],
  memo: 'Order is facially valid; produce loans within range.',
};
