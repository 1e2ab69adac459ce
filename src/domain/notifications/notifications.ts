/**
 * what a notification says, in the person's language, and when a failed delivery is tried again. The
 * outbox and the worker (adapters) deliver; this decides the text and the retry schedule.
 */
import type { DocumentLanguage } from '../certificates/documents';

export const NOTIFICATION_CHANNELS = ['log', 'email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_TEMPLATES = [
  'application.result_ready',
  'complaint.registered',
  'complaint.answered',
  'complaint.deadline_near',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

export type TemplateParams = Readonly<Record<string, string>>;

type Render = (p: TemplateParams) => { subject: string; text: string };

/** The texts, kk and ru. `{number}`, `{due}`, `{url}`, `{office}` come from the caller. */
export const TEMPLATES: Readonly<Record<NotificationTemplate, Readonly<Record<DocumentLanguage, Render>>>> = {
  'application.result_ready': {
    kk: (p) => ({
      subject: 'Өтінішіңіздің нәтижесі дайын',
      text: `Сіздің өтінішіңіздің нәтижесі дайын. Оны жеке куәлігіңізді көрсетіп алыңыз: ${p.office ?? 'ХҚКО'}.`,
    }),
    ru: (p) => ({
      subject: 'Результат по вашему заявлению готов',
      text: `Результат по вашему заявлению готов. Получите его при предъявлении удостоверения личности: ${p.office ?? 'ЦОН'}.`,
    }),
  },
  'complaint.registered': {
    kk: (p) => ({
      subject: `№ ${p.number} шағым тіркелді`,
      text: `№ ${p.number} шағымыңыз тіркелді. Жауап мерзімі: ${p.due}. Мәртебесі: ${p.url}`,
    }),
    ru: (p) => ({
      subject: `Жалоба № ${p.number} зарегистрирована`,
      text: `Ваша жалоба № ${p.number} зарегистрирована. Срок ответа: ${p.due}. Статус: ${p.url}`,
    }),
  },
  'complaint.answered': {
    kk: (p) => ({
      subject: `№ ${p.number} шағымға жауап берілді`,
      text: `№ ${p.number} шағымыңызға жауап берілді. Жауапты мына бетте қараңыз: ${p.url}`,
    }),
    ru: (p) => ({
      subject: `Дан ответ на жалобу № ${p.number}`,
      text: `На вашу жалобу № ${p.number} дан ответ. Ответ доступен на странице: ${p.url}`,
    }),
  },
  'complaint.deadline_near': {
    kk: (p) => ({
      subject: `№ ${p.number} шағымның мерзімі өтіп барады`,
      text: `№ ${p.number} шағымға жауап беру мерзімі ${p.due} аяқталады.`,
    }),
    ru: (p) => ({
      subject: `Истекает срок по жалобе № ${p.number}`,
      text: `Срок ответа на жалобу № ${p.number} истекает ${p.due}.`,
    }),
  },
};

export function renderNotification(
  template: NotificationTemplate,
  language: DocumentLanguage,
  params: TemplateParams,
): { subject: string; text: string } {
  return TEMPLATES[template][language](params);
}

/** After this many failed attempts a message is parked as `dead` (kept, visible, re-queueable — never lost). */
export const MAX_ATTEMPTS = 8;
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 60 * 60_000;

/**
 * exponential backoff after the `attempt`-th failure (1-based): 30 s, 1 min, 2 min … capped at an hour,
 * with a deterministic jitter of up to 10 % from `seed` so that a burst of failures does not retry in lockstep.
 */
export function retryDelayMs(attempt: number, seed = 0): number {
  const n = Math.max(1, Math.floor(attempt));
  const base = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (n - 1));
  const jitter = Math.floor(((Math.abs(seed) % 1000) / 1000) * base * 0.1);
  return Math.min(RETRY_CAP_MS, base + jitter);
}

/** What happens after a failed attempt: retry later, or park it. */
export function afterFailure(
  attempts: number,
  nowMs: number,
  seed = 0,
): { status: 'pending'; nextAttemptMs: number } | { status: 'dead' } {
  if (attempts >= MAX_ATTEMPTS) return { status: 'dead' };
  return { status: 'pending', nextAttemptMs: nowMs + retryDelayMs(attempts, seed) };
}
