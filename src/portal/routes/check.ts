/**
 * 年报体检 on the portal (`/check`, issue 14, docs/report-check.md): a multipart form takes one
 * report file and, optionally, the previous year's (each ≤ CHECK_MAX_MB; the type told by the
 * content: readReportFile), reads and checks it in memory and shows the result. Nothing is kept for
 * anyone but signed-in staff, whose check is kept (recordReportChecks: the result, not the file).
 * @fastify/multipart is registered in this scope only; the rest of the portal takes urlencoded forms.
 */
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loadActor } from '../../accounts/load-actor.ts';
import { recordReportChecks, sha256Of } from '../../commands/report-checks/record-report-checks.ts';
import type { ReadReport } from '../../domain/report/reading/read-report.ts';
import { reportCheckAgencyOf } from '../../domain/report-checks/policy.ts';
import { AppError } from '../../errors.ts';
import { checked, readReportBytes } from '../../report-check/check-file.ts';
import { UnreadableReportError } from '../../report-check/read-file.ts';
import { publicContext } from '../../server/command-context.ts';
import { checkFormToken, FORM_CSRF_FIELD, formToken } from '../../server/csrf.ts';
import type { RouteOptions } from '../../server/routes/types.ts';
import { floodGuard } from '../../server/submission-limits.ts';
import { pageContext } from '../context.ts';
import { CHECK_MAX_MB, type CheckKeeping, renderCheckForm, renderCheckResult } from '../views/check.ts';
import type { FieldErrors } from '../views/fields.ts';
import type { PortalApp } from './index.ts';
import { sendPage } from './shared.ts';

const MAX_BYTES = CHECK_MAX_MB * 1024 * 1024;
const FIELD_LABELS = { report: '报告文件', previous: '上年报告' } as const;
type FileField = keyof typeof FIELD_LABELS;

/** A type the reader refuses (415) rather than a file it could not make sense of (422). */
const TYPE_REASONS = new Set(['legacy_word', 'wps', 'image', 'unsupported']);

interface Upload {
  fileName: string;
  bytes: Buffer;
}

interface Received {
  csrf: string;
  files: Partial<Record<FileField, Upload>>;
  tooLarge: FileField[];
}

/** Reads the form: the token and the two files (a file over the limit is dropped and named). */
async function receive(request: FastifyRequest): Promise<Received> {
  const received: Received = { csrf: '', files: {}, tooLarge: [] };
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (part.fieldname === FORM_CSRF_FIELD && typeof part.value === 'string') received.csrf = part.value;
      continue;
    }
    const file = part as MultipartFile;
    const bytes = await file.toBuffer();
    const field = file.fieldname as FileField;
    if (!(field in FIELD_LABELS)) continue;
    if (file.file.truncated) received.tooLarge.push(field);
    else if (bytes.byteLength > 0) received.files[field] = { fileName: file.filename, bytes };
  }
  return received;
}

/** Who is asking: anonymous, signed-in staff (their check is kept under `agencyId`), or signed in without a role. */
async function keepingOf(
  request: FastifyRequest,
  db: RouteOptions['db'],
): Promise<{ keeping: CheckKeeping; username?: string; agencyId?: number | null }> {
  const username = request.identity?.username;
  if (!username) return { keeping: 'anonymous' };
  const agencyId = reportCheckAgencyOf(await loadActor(db, username));
  if (agencyId === undefined) return { keeping: 'signed_in_without_role' };
  return { keeping: 'staff', username, agencyId };
}

/** A file read, or the field's problem in Chinese. */
async function readField(field: FileField, upload: Upload): Promise<ReadReport | AppError> {
  try {
    return await readReportBytes(upload.bytes, upload.fileName);
  } catch (error) {
    if (!(error instanceof UnreadableReportError)) throw error;
    const message = `${FIELD_LABELS[field]}无法读取：${error.message}`;
    return new AppError(TYPE_REASONS.has(error.reason) ? 'unsupported_media_type' : 'validation', message, [
      { field, message },
    ]);
  }
}

/** Registers GET and POST /check. */
export function checkPages(app: PortalApp, options: RouteOptions): void {
  const { db, submissionLimits } = options;

  app.get('/check', async (request, reply) => {
    const { keeping } = await keepingOf(request, db);
    const view = { errors: {}, csrf: formToken(request, reply), keeping };
    return sendPage(reply, renderCheckForm(view, pageContext(request)), { private: true });
  });

  app.register(async (scope) => {
    await scope.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_BYTES, files: 2, fields: 4, parts: 6, fieldSize: 1024 },
    });
    scope.post(
      '/check',
      { config: { rateLimit: floodGuard(submissionLimits) } },
      async (request, reply: FastifyReply) => {
        const context = pageContext(request);
        const who = await keepingOf(request, db);
        const refuse = (errors: FieldErrors, status: number) =>
          sendPage(
            reply.code(status),
            renderCheckForm({ errors, csrf: formToken(request, reply), keeping: who.keeping }, context),
            { private: true },
          );
        if (!request.isMultipart()) return refuse({ report: ['请通过本页的表单选择并上传报告文件。'] }, 415);
        let received: Received;
        try {
          received = await receive(request);
        } catch (error) {
          // the body itself is faulty (cut short, no boundary, more parts than the form has): only
          // reading it throws here, so whatever it is, it is the sender's
          request.log.info({ err: error }, 'malformed 年报体检 upload');
          const tooMany = (error as { statusCode?: number }).statusCode === 413;
          return refuse(
            {
              report: [
                tooMany
                  ? '一次只能上传“报告文件”和“上年报告”两个文件，请重新选择后提交。'
                  : '上传的内容不完整或格式有误，请重新选择报告文件后提交。',
              ],
            },
            tooMany ? 413 : 400,
          );
        }
        try {
          checkFormToken(request, received.csrf);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          return refuse({ _csrf: [error.message] }, 403);
        }
        if (received.tooLarge.length > 0) {
          const errors: FieldErrors = {};
          for (const field of received.tooLarge)
            errors[field] = [
              `${FIELD_LABELS[field]}超过 ${CHECK_MAX_MB} MB 的上限：请上传不超过 ${CHECK_MAX_MB} MB 的文件（PDF 可在导出时选择“最小文件大小”）。`,
            ];
          return refuse(errors, 413);
        }
        const upload = received.files.report;
        if (!upload) return refuse({ report: ['请选择要检查的报告文件（报告文件）。'] }, 400);
        const report = await readField('report', upload);
        const previousUpload = received.files.previous;
        const previous = previousUpload ? await readField('previous', previousUpload) : null;
        const problems = [report, previous].filter((r): r is AppError => r instanceof AppError);
        if (problems.length > 0) {
          const errors: FieldErrors = {};
          for (const d of problems.flatMap((p) => p.details ?? [])) errors[d.field] = [d.message];
          return refuse(errors, problems[0]?.status ?? 400);
        }
        const result = checked(upload.fileName, report as ReadReport, previous as ReadReport | null);
        let keptId: number | null = null;
        if (who.keeping === 'staff' && who.username) {
          const ctx = { ...publicContext(request, options), actor: { username: who.username, roles: [] } };
          const kept = await recordReportChecks(ctx, {
            agencyId: who.agencyId ?? null,
            batchName: null,
            files: [
              {
                fileName: upload.fileName,
                sha256: sha256Of(upload.bytes),
                size: upload.bytes.byteLength,
                result,
              },
            ],
          });
          keptId = kept.checkIds[0] ?? null;
        }
        const prev =
          previous && previousUpload && !(previous instanceof AppError)
            ? { file: previousUpload.fileName, agency: previous.agency, year: previous.year }
            : null;
        const form = { errors: {}, csrf: formToken(request, reply), keeping: who.keeping };
        return sendPage(reply, renderCheckResult({ report: result, previous: prev, keptId }, form, context), {
          private: true,
        });
      },
    );
  });
}
