/**
 * Requests, for the public: the online form (POST to the same registration the API uses, once per
 * submission token), tracking by code, and the deadline calculator. All work without JavaScript.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { applicantBody } from '../../commands/requests/register-input.ts';
import { submitOnlineRequest } from '../../commands/requests/submit-online-request.ts';
import { trackRequest } from '../../commands/requests/track-request.ts';
import { unconfirmedYears } from '../../domain/calendar/work-calendar.ts';
import { isIsoDate } from '../../domain/dates.ts';
import type { ApplicantType } from '../../domain/report/vocabulary.ts';
import { AppError } from '../../errors.ts';
import { publicContext } from '../../server/command-context.ts';
import { checkFormToken, FORM_CSRF_FIELD, formToken } from '../../server/csrf.ts';
import { listAgencies } from '../../server/queries/agencies.ts';
import { agencyCode } from '../../server/routes/schemas.ts';
import type { RouteOptions } from '../../server/routes/types.ts';
import { floodGuard, type Taken } from '../../server/submission-limits.ts';
import { trackingRateLimit } from '../../server/tracking-guard.ts';
import { pageContext } from '../context.ts';
import { APPLY_FIELDS, type ApplyValues, renderApplyForm } from '../views/apply.ts';
import { renderChooseAgency, renderConfirmation } from '../views/confirmation.ts';
import { renderDeadline } from '../views/deadline.ts';
import type { FieldErrors } from '../views/fields.ts';
import { renderTrack } from '../views/track.ts';
import type { PortalApp, PortalCaches } from './index.ts';
import { agencyOrNotFound, sendPage } from './shared.ts';

const codeParams = z.object({ code: agencyCode });
const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const textQuery = z.record(z.string(), z.unknown());

const newToken = () => randomBytes(16).toString('hex');
const first = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';

function readValues(body: Record<string, unknown>): ApplyValues {
  const values = Object.fromEntries(APPLY_FIELDS.map((f) => [f, first(body[f])]));
  const ticked = body.suggestReasons;
  const suggestReasons = (Array.isArray(ticked) ? ticked : [ticked]).filter(
    (r): r is string => typeof r === 'string',
  );
  return { ...values, suggestReasons } as ApplyValues;
}

/** Field problems as the form shows them. */
function fieldErrors(issues: ReadonlyArray<{ field: string; message: string }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, message } of issues) errors[field] = [...(errors[field] ?? []), message];
  return errors;
}

/** Values too long for the registration's own limits (the form's maxlength, for a client ignoring it). */
function lengthProblems(values: ApplyValues): Array<{ field: string; message: string }> {
  const { applicantType: _t, suggestReasons: _r, suggestNote: _n, ...applicant } = values;
  const parsed = applicantBody.safeParse(applicant);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    field: String(issue.path[0]),
    message: '填写的内容过长，请精简后再提交',
  }));
}

/** Registers the request pages. */
export function requestPages(
  app: PortalApp,
  { db, calendars, clock, submissionLimits, submissions, trackingLimits, trackingGuard }: RouteOptions,
  caches: PortalCaches,
): void {
  app.get('/apply', async (request, reply) => {
    const agencies = await caches.agencies.get('all', () => listAgencies(db));
    if (agencies.length === 1)
      return reply.redirect(`/agencies/${encodeURIComponent(agencies[0].code)}/apply`, 303);
    return sendPage(reply, renderChooseAgency(agencies, pageContext(request)));
  });

  app.get('/agencies/:code/apply', { schema: { params: codeParams } }, async (request, reply) => {
    const agency = await agencyOrNotFound(db, caches, request.params.code);
    const view = { values: readValues({}), errors: {}, token: newToken(), csrf: formToken(request, reply) };
    return sendPage(reply, renderApplyForm(agency, view, pageContext(request)), { private: true });
  });

  app.post(
    '/agencies/:code/apply',
    {
      schema: { params: codeParams, body: formBody },
      config: { rateLimit: floodGuard(submissionLimits) },
    },
    async (request, reply) => {
      const agency = await agencyOrNotFound(db, caches, request.params.code);
      const context = pageContext(request);
      const values = readValues(request.body);
      const token = first(request.body.token);
      const refuse = (errors: FieldErrors, keepToken: string, status = 400) =>
        sendPage(
          reply.code(status),
          renderApplyForm(
            agency,
            { values, errors, token: keepToken, csrf: formToken(request, reply) },
            context,
          ),
          { private: true },
        );
      // A post from another site (no gongkai_csrf cookie, or a field that is not its HMAC) is refused
      // before anything is read into the registration: the form comes back, nothing is stored.
      try {
        checkFormToken(request, first(request.body[FORM_CSRF_FIELD]));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return refuse({ token: [error.message] }, token, 403);
      }
      const tooLong = lengthProblems(values);
      if (tooLong.length > 0) return refuse(fieldErrors(tooLong), token);
      const { applicantType, suggestReasons, suggestNote, ...applicant } = values;
      let taken: Taken | undefined;
      try {
        taken = await submissions.take({ address: request.ip, applicant }, clock.now(), reply);
        const receipt = await submitOnlineRequest(publicContext(request, { db, calendars, clock }), {
          agencyId: agency.id,
          token,
          applicantType: applicantType as ApplicantType,
          applicant,
          publishSuggestion: { reasons: suggestReasons, note: suggestNote },
        });
        if (!receipt.created) await taken.release(); // a repeated post of the same form registers nothing
        return sendPage(reply, renderConfirmation(agency, receipt, context), { private: true });
      } catch (error) {
        await taken?.release();
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'too_many_requests') return refuse({ token: [error.message] }, token, 429);
        if (error.code === 'validation') {
          // the suggestion's problem belongs to its check boxes
          const details = (error.details ?? []).map((d) =>
            d.field === 'publishSuggestion' ? { ...d, field: 'suggestReasons' } : d,
          );
          return refuse(fieldErrors(details), token);
        }
        if (error.code === 'bad_request' || error.code === 'conflict')
          return refuse({ token: [error.message] }, newToken());
        throw error;
      }
    },
  );

  const trackConfig = { rateLimit: trackingRateLimit(trackingLimits) };
  app.get('/track', { config: trackConfig, schema: { querystring: textQuery } }, async (request, reply) => {
    const code = first(request.query.code).trim();
    const context = pageContext(request);
    if (!code)
      return sendPage(reply, renderTrack({ code, errors: {}, found: null }, context), { private: true });
    try {
      await trackingGuard.check(request.ip, clock.now(), reply);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'too_many_requests') throw error;
      const errors = { code: [error.message] };
      return sendPage(reply.code(429), renderTrack({ code, errors, found: null }, context), {
        private: true,
      });
    }
    const found = await trackRequest(publicContext(request, { db, calendars, clock }), {
      trackingCode: code,
    });
    if (!found) {
      await trackingGuard.recordFailure(request.ip, clock.now());
      const errors = { code: ['未找到该查询码对应的申请，请核对查询码后重新输入。'] };
      return sendPage(reply.code(404), renderTrack({ code, errors, found: null }, context), {
        private: true,
      });
    }
    return sendPage(reply, renderTrack({ code, errors: {}, found }, context), { private: true });
  });

  app.get('/deadline', { schema: { querystring: textQuery } }, async (request, reply) => {
    const from = first(request.query.from).trim();
    const daysText = first(request.query.days).trim() || '20';
    const context = pageContext(request);
    if (!from)
      return sendPage(reply, renderDeadline({ from, days: daysText, errors: {}, result: null }, context));
    const errors: FieldErrors = {};
    if (!isIsoDate(from) || from < '2000-01-01' || from > '2100-12-31')
      errors.from = ['请填写有效日期，如 2026-11-26（2000年至2100年之间）'];
    const days = Number(daysText);
    if (!/^\d{1,3}$/.test(daysText) || days > 400) errors.days = ['工作日数应为0到400之间的整数'];
    if (Object.keys(errors).length > 0)
      return sendPage(
        reply.code(400),
        renderDeadline({ from, days: daysText, errors, result: null }, context),
      );
    const calendar = await calendars.get();
    const due = calendar.addWorkingDays(from, days);
    const result = { from, days, due, provisionalYears: unconfirmedYears(calendar, from, due) };
    return sendPage(reply, renderDeadline({ from, days: daysText, errors, result }, context));
  });
}
