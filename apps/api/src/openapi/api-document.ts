import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * One line per operation, as /docs lists them. Kept here rather than in decorators so the controllers (which
 * several people change at once) stay small; an operation missing from the list still gets its name as summary,
 * and the committed document (docs/openapi.json, `npm run openapi`) shows the gap in review.
 */
export const OPERATION_SUMMARIES: Record<string, string> = {
  AuthController_login: 'Sign in with username and password; returns a bearer token',
  MeController_me: 'The signed-in user',
  UsersController_list: 'List user accounts (admin)',
  UsersController_create: 'Create a user account (admin)',
  UsersController_update: 'Change roles, e-mail, password or active state of an account (admin)',
  CasesController_create: 'Record a new request in intake',
  CasesController_list: 'List the cases you may see, most urgent deadline first',
  CasesController_get: 'Read one case in full (an audited read)',
  CasesController_update: 'Correct a case while it is in intake',
  CasesController_status: 'Where a case stands, for polling (not an audited read)',
  CasesController_submit: 'Submit intake for legal review (queues the intake step)',
  CasesController_review: 'Record the attorney’s legal review',
  CasesController_decide: 'Record the director’s decision: approve or deny',
  CasesController_resume: 'The requester cured the defect: back to legal review',
  CasesController_extend: 'Extend the CPRA determination deadline once, with the unusual circumstances',
  CasesController_renewHold: 'Renew a preservation hold (once)',
  CasesController_releaseHold: 'Release a preservation hold',
  CasesController_patronNotice: 'Record that the patron was told of the request',
  CasesController_withdraw: 'Withdraw the request: the case closes, nothing is produced',
  CasesController_close: 'Close a case once the production or letter was delivered',
  DocumentsController_download: 'Download an attached document (an audited read)',
  DocumentsController_attach: 'Attach a document (instrument, consent, ID, correspondence)',
  RecordsController_upload: 'Upload an ILS export for import (queues the import step)',
  RecordsController_importStatus: 'Progress and row errors of one record import',
  ProductionsController_list: 'The case’s productions',
  ProductionsController_pdf: 'Download the redacted, Bates-numbered production PDF (audited)',
  ProductionsController_letter: 'Download a letter of the case: denial, needs-info or extension (audited)',
  AuditController_verify: 'Recompute the audit hash chain and report the first broken event',
  AuditController_head: 'The current and the last exported audit chain head',
  AuditController_timeline: 'The case’s audit events, oldest first, with the names of the people in them',
  DeadlinesController_due: 'Open deadlines due within a period, or overdue, on cases you may see',
  NotificationsController_mine: 'Your notifications, newest first',
  NotificationsController_markRead: 'Mark one notification read',
  NotificationsController_markAllRead: 'Mark all your notifications read, or only one case’s',
  ReportsController_caseload: 'Counts of the cases you may see, by state and by request type',
  ReportsController_report: 'The transparency report for a period',
  SettingsController_rules: 'The rules in force per request type: basis, checklist, defaults, counsel questions',
  SettingsController_reasonCodes: 'Every reason code with its label, citation and levels',
  SettingsController_settings: 'Deadline and rule settings in force',
  SettingsController_updateDeadlines: 'Change deadline settings and the city calendar (admin)',
  SettingsController_updateRules: 'Change counsel’s answers to the open legal questions (admin)',
  HealthController_health: 'Liveness and readiness of the API and its database and Redis',
  PolicySettingsController_transparency: 'Transparency report settings',
  PolicySettingsController_updateTransparency: 'Change the transparency report settings (admin)',
  ReleaseSummaryController_summary: 'What a production would release: patrons, dates, record types with counts, withheld columns',
  RemindersController_get: 'Your e-mail and calendar settings',
  RemindersController_put: 'Turn reminder e-mails on or off for yourself',
  RemindersController_createFeed: 'Make a new private calendar feed address (the old one stops working)',
  RemindersController_revokeFeed: 'Turn your calendar feed off',
  RemindersController_feed: 'Your deadlines as iCalendar, by the secret address (for Outlook or Google Calendar)',
};

const ERROR_BODY = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    message: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], example: ['requester.email: email must be an email'] },
    fields: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } }, description: 'Field path → messages, for forms', example: { 'requester.email': ['email must be an email'] } },
    currentState: { type: 'string', description: 'On 409: the state the case is in now', example: 'awaiting_approval' },
    pendingStep: { type: 'string', nullable: true, description: 'On 409 while a step runs: the step', example: 'intake' },
    details: {
      type: 'array',
      description: 'On 422: field problems (field, message) or rule contradictions (code, message, citation)',
      items: {
        type: 'object',
        required: ['message'],
        properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' }, citation: { type: 'string' }, checklistKey: { type: 'string' } },
      },
    },
  },
} as const;

const ERRORS: Record<string, { description: string; example: Record<string, unknown> }> = {
  400: { description: 'Input failed validation; nothing changed. `fields` names each field.', example: { statusCode: 400, error: 'Bad Request', message: ['scope.from: from must be a date written YYYY-MM-DD'], fields: { 'scope.from': ['from must be a date written YYYY-MM-DD'] } } },
  401: { description: 'No valid bearer token (signed out, expired or revoked).', example: { statusCode: 401, error: 'Unauthorized', message: 'Sign in first' } },
  403: { description: 'Your roles do not allow this, or a separation-of-duties rule forbids it on this case.', example: { statusCode: 403, error: 'Forbidden', message: 'This needs one of the roles: director' } },
  404: { description: 'No such thing that you may see (a case under a gag order looks the same as none).', example: { statusCode: 404, error: 'Not Found', message: 'Case not found' } },
  409: { description: 'The case is in another state, or a step is running on it; re-read it and try again.', example: { statusCode: 409, error: 'Conflict', message: 'The case is not awaiting approval', currentState: 'fulfilling' } },
  422: { description: 'Well-formed, but the rules refuse it (e.g. a review that contradicts the rules without an override reason).', example: { statusCode: 422, error: 'Unprocessable Entity', message: 'The review contradicts the rules for this request', details: [{ code: 'REQUIRED_ITEM_UNSATISFIED', message: '"Signed by the judge" is not confirmed, but the request is marked sufficient.', citation: 'Gov. Code § 7927.105(c)(3)' }] } },
};

export function apiDocumentConfig() {
  return new DocumentBuilder()
    .setTitle('Custodian API')
    .setDescription(
      'Case management for requests for library patron records (Gov. Code § 7927.105, formerly § 6267). Every route needs a bearer token ' +
        'from POST /api/auth/login except login, health and the calendar feed. Errors are `ErrorBody` JSON.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
}

type Operation = { operationId?: string; summary?: string; security?: unknown[]; parameters?: { in: string }[]; requestBody?: unknown; responses: Record<string, unknown> };

/**
 * The OpenAPI document of the running app: what Nest reads from the controllers and DTOs, plus a summary for each
 * operation and the error responses each can give (all share `ErrorBody`). The same function serves /docs and
 * writes docs/openapi.json, so the two never differ.
 */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, apiDocumentConfig(), { operationIdFactory: (controller, method) => `${controller}_${method}` });
  document.components = { ...document.components, schemas: { ...(document.components?.schemas ?? {}), ErrorBody: ERROR_BODY as never } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as Operation;
      if (!op?.responses) continue;
      // Not in the list yet: the handler's name in words ("updateRetention" → "Update retention"); add a line above.
      const handler = (op.operationId ?? '').split('_').pop() ?? method;
      const words = handler.replace(/([A-Z])/g, ' $1').trim().toLowerCase();
      op.summary ??= OPERATION_SUMMARIES[op.operationId ?? ''] ?? `${words.charAt(0).toUpperCase()}${words.slice(1)} (${path})`;
      const isPublic = ['AuthController_login', 'HealthController_health', 'RemindersController_feed'].includes(op.operationId ?? '');
      if (!isPublic) op.security ??= [{ bearer: [] }];
      const codes = new Set<string>();
      if (op.parameters?.length || op.requestBody) codes.add('400');
      if (!isPublic) codes.add('401').add('403');
      if (path.includes('{')) codes.add('404');
      if (method === 'post' && path.startsWith('/api/cases/{id}/')) codes.add('409').add('422');
      if (method === 'put' || op.operationId === 'CasesController_review') codes.add('422');
      for (const code of codes) {
        op.responses[code] ??= { description: ERRORS[code].description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' }, example: ERRORS[code].example } } };
      }
    }
  }
  return document;
}
