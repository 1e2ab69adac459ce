/**
 * Complaints in the demo's past (R-16..R-18), so that indicators 4.1–4.4, the reviewers' lists and the
 * complainant's own list have something to show: about one working day in four someone served that day
 * complains — at the Kenes akimat (within its complaint hours, which run to 20:00, R-10) or at the PSC's hand-over,
 * written down by the official — and the demo citizen complains online twice. Each goes to its addressee by
 * R-17 (the rural akim's officer, the PSC director, the district akim for a disagreement with the result, now
 * and then forwarded there by the officer), is taken under review the next working day and answered within the
 * five working days, mostly. Deliberately imperfect: one complaint at the counter is left until the deadline sweep escalates
 * it to the district akim, who answers it late; the citizen's PSC complaint is only partly satisfied; the last
 * days' complaints are still open. The sweep runs each working evening, as the server's would.
 * Steps for the timeline of demo-activity.ts, through the complaint use cases.
 */
import { fromCivil } from '../../domain/calendar/civil-time';
import type { ComplaintKind, ComplaintOutcome } from '../../domain/complaints/complaint';
import type { ReviewLevel } from '../../domain/complaints/routing';
import type { Rng } from '../../domain/household/prng';
import type { PlainDate } from '../../domain/shared/plain-date';
import { answerComplaint } from '../complaints/answer-complaint';
import { fileComplaint } from '../complaints/file-complaint';
import { forwardComplaint } from '../complaints/forward-complaint';
import { sweepComplaintDeadlines } from '../complaints/sweep-complaint-deadlines';
import { takeUnderReview } from '../complaints/take-under-review';
import type { UserRecord } from '../ports';
import { complaintSurvey } from './demo-surveys';
import {
  type DemoTally,
  fullName,
  MINUTE,
  minutes,
  type Served,
  type Step,
  succeeded,
} from './demo-timeline';

/** The chance that someone served on a working day complains about it (about one or two a week). */
const DAILY_CHANCE = 0.25;
/** The counter complaint left to the deadline sweep: registered this many working days before today. */
const LATE_CASE_DAYS_BACK = 7;
/** The citizen's answered online complaint: this many working days back. */
const CITIZEN_CASE_DAYS_BACK = 15;

type Lang = 'kk' | 'ru';
type Texts = Readonly<Record<Lang, string>>;

/** The demo users who file and review complaints. */
export interface ComplaintCast {
  /** The Kenes akimat's officer: accepts complaints at the counter, reviews those addressed to the rural akim. */
  readonly officer: UserRecord;
  /** The PSC operator: accepts complaints at the hand-over. */
  readonly operator: UserRecord;
  readonly director: UserRecord;
  readonly district: UserRecord;
  readonly citizen: UserRecord;
}

interface Scenario {
  readonly kind: ComplaintKind;
  readonly text: Texts;
  readonly answers: Partial<Record<ComplaintOutcome, Texts>>;
  /** Picked uniformly (repeat one to weight it). */
  readonly outcomes: readonly ComplaintOutcome[];
}

const SCENARIOS = {
  /** Refused at the counter without the identity card: disagrees with the result (§21 → district akim). */
  refusal: {
    kind: 'result',
    text: {
      kk: 'Анықтама беруден бас тартуға келіспеймін: шаруашылығым шаруашылық кітабында бар, шешімді қайта қарауды сұраймын.',
      ru: 'Не согласен с отказом в справке: моё хозяйство есть в похозяйственной книге, прошу пересмотреть решение.',
    },
    answers: {
      not_justified: {
        kk: 'Шағым негізсіз: өтініш беруші жеке басын куәландыратын құжатты көрсетпеген, бас тарту стандарттың 16-тармағына (1-негіз) сәйкес. Құжатпен қайта жүгінгенде анықтама сол күні беріледі.',
        ru: 'Жалоба не обоснована: заявитель не предъявил удостоверение личности, отказ соответствует пункту 16 стандарта (основание 1). При повторном обращении с документом справка выдаётся в тот же день.',
      },
    },
    outcomes: ['not_justified'],
  },
  /** Served at the counter, unhappy with how (§22 → the rural akim). */
  counter: {
    kind: 'service',
    text: {
      kk: 'Маман қабылдауды кешіктіріп бастады, кабинет алдында ұзақ күттім.',
      ru: 'Специалист начал приём с опозданием, пришлось долго ждать у кабинета.',
    },
    answers: {
      justified_satisfied: {
        kk: 'Шағым негізді: қабылдаудың 20 минутқа кешіккені расталды. Қабылдау кестесі кіреберіске ілінді, маманға ескерту жасалды.',
        ru: 'Жалоба обоснована: задержка начала приёма на 20 минут подтвердилась. График приёма вывешен у входа, специалисту сделано замечание.',
      },
      not_justified: {
        kk: 'Шағым расталмады: сол күні қабылдау кесте бойынша 09:00-де басталды, анықтама жүгінген сәтте берілді.',
        ru: 'Жалоба не подтвердилась: в тот день приём начался по графику в 09:00, справка выдана в момент обращения.',
      },
    },
    outcomes: ['justified_satisfied', 'not_justified', 'not_justified'],
  },
  /** The counter complaint that waits too long (the sweep escalates it; the district akim answers). */
  absent: {
    kind: 'service',
    text: {
      kk: 'Анықтама алуға келгенде маман орнында болмады, екі рет келуге тура келді.',
      ru: 'Когда я пришёл за справкой, специалиста не было на месте, пришлось приходить дважды.',
    },
    answers: {
      justified_satisfied: {
        kk: 'Шағым негізді: маманның жұмыс орнында болмағаны расталды. Ауылдық округ әкіміне қабылдау уақытында алмастыруды ұйымдастыру тапсырылды; жауаптың кешіккені үшін кешірім сұраймыз.',
        ru: 'Жалоба обоснована: отсутствие специалиста на рабочем месте подтвердилось. Акиму сельского округа поручено обеспечить замену на время приёма; приносим извинения за задержку ответа.',
      },
    },
    outcomes: ['justified_satisfied'],
  },
  /** A PSC result decided after its deadline (§22 → the PSC director). */
  pscLate: {
    kind: 'service',
    text: {
      kk: 'Қолхатта нәтиже екі жұмыс күнінде дайын болады деп жазылған, бірақ анықтаманы кешігіп алдым.',
      ru: 'В расписке был указан срок два рабочих дня, а справку я получил с опозданием.',
    },
    answers: {
      justified_satisfied: {
        kk: 'Шағым негізді: мерзім әкімдіктің шешімі кешіккендіктен бұзылған. Әкімдікпен өтінімдерді беру тәртібі келісілді, кешірім сұраймыз.',
        ru: 'Жалоба обоснована: срок нарушен из-за задержки решения в акимате. С акиматом согласован порядок передачи заявлений, приносим извинения.',
      },
      justified_partly: {
        kk: 'Шағым ішінара негізді: мерзім бұзылған, бірақ ХҚКО операторы өтініш берушіні дер кезінде хабардар еткен.',
        ru: 'Жалоба обоснована частично: срок нарушен, однако оператор ЦОН своевременно известил заявителя.',
      },
    },
    outcomes: ['justified_satisfied', 'justified_satisfied', 'justified_partly'],
  },
  /** Served at the PSC on time, unhappy with the operator (§22 → the PSC director). */
  pscService: {
    kind: 'service',
    text: {
      kk: 'Оператор құжаттарды қабылдағанда дөрекі сөйледі және өтінішті толтыруға көмектеспеді.',
      ru: 'Оператор грубо разговаривал при приёме документов и не помог заполнить заявление.',
    },
    answers: {
      not_justified: {
        kk: 'Шағым расталмады: бейнежазба мен кезек деректері бойынша оператор әдепті сөйлеген және өтінішті үлгі бойынша толтыруға көмектескен.',
        ru: 'Жалоба не подтвердилась: по видеозаписи и данным очереди оператор вёл приём корректно и помог заполнить заявление по образцу.',
      },
      justified_satisfied: {
        kk: 'Шағым негізді: оператордың әдепсіз сөйлегені расталды. Операторға ескерту жасалды, өтініш берушіден кешірім сұралды.',
        ru: 'Жалоба обоснована: некорректное общение оператора подтвердилось. Оператору сделано замечание, перед заявителем принесены извинения.',
      },
    },
    outcomes: ['not_justified', 'not_justified', 'justified_satisfied'],
  },
  /** The demo citizen, online, about the PSC's queue (§22 → the PSC director). */
  citizenQueue: {
    kind: 'service',
    text: {
      kk: 'ХҚКО-да кезек 40 минут бойы жылжымады, тек бір терезе жұмыс істеді.',
      ru: 'В ЦОН очередь не двигалась 40 минут, работало только одно окно.',
    },
    answers: {
      justified_partly: {
        kk: 'Шағым ішінара негізді: сол күні бір оператор ауырып қалған, күту 10 минуттан асқан. Енді түскі уақытта қосымша терезе ашылады.',
        ru: 'Жалоба обоснована частично: в тот день один оператор заболел, ожидание превышало 10 минут. Теперь в обеденные часы открывается дополнительное окно.',
      },
    },
    outcomes: ['justified_partly'],
  },
  /** The demo citizen, online, about the akimat's telephone (§22 → the rural akim); still open. */
  citizenPhone: {
    kind: 'service',
    text: {
      kk: 'Әкімдіктің сайтында көрсетілген телефонға екі күн бойы ешкім жауап бермейді.',
      ru: 'По телефону, указанному на сайте акимата, два дня никто не отвечает.',
    },
    answers: {
      justified_satisfied: {
        kk: 'Шағым негізді: телефон желісі ақаулы болған, жөнделді; сайтқа қосымша ұялы нөмір қойылды.',
        ru: 'Жалоба обоснована: телефонная линия была неисправна и восстановлена; на сайте добавлен мобильный номер.',
      },
    },
    outcomes: ['justified_satisfied'],
  },
} as const satisfies Record<string, Scenario>;

const FORWARD_REASON: Texts = {
  kk: 'Шағым қызмет нәтижесіне келіспеу туралы — оны аудан әкімі қарайды (стандарттың 21-тармағы).',
  ru: 'Жалоба выражает несогласие с результатом — её рассматривает аким района (пункт 21 стандарта).',
};

/** What a reviewer does, at a moment (undefined: the day is not in the past yet — it has not happened). */
type Move =
  | { readonly act: 'review' | 'answer'; readonly at: number | undefined; readonly by: UserRecord }
  | {
      readonly act: 'forward';
      readonly at: number | undefined;
      readonly by: UserRecord;
      readonly to: ReviewLevel;
    };

interface Case {
  readonly scenario: Scenario;
  readonly outcome: ComplaintOutcome;
  readonly language: Lang;
  readonly filedAt: number;
  readonly filedBy: UserRecord;
  readonly iin: string;
  /** Written down by the official at the office; online complaints take the citizen from the account. */
  readonly complainant?: { readonly iin: string; readonly name: string };
  readonly applicationId?: () => string | undefined;
  readonly officeId?: string;
  readonly moves: readonly Move[];
  readonly late?: boolean;
  readonly surveyShare?: number;
}

export interface DemoComplaintsInput {
  /** The working days of the demo's past, oldest first (today not included). */
  readonly working: readonly PlainDate[];
  readonly served: readonly Served[];
  readonly cast: ComplaintCast;
  readonly akimatOfficeId: string;
  readonly pscOfficeId: string;
  readonly rng: Rng;
  readonly tally: DemoTally;
}

export function demoComplaints(input: DemoComplaintsInput): Step[] {
  const { working, served, cast, rng, tally } = input;
  /** A moment on the working day `index` between two times of day, or undefined when that day is still ahead. */
  const on = (index: number, from: number, to: number): number | undefined => {
    const day = working[index];
    return day === undefined ? undefined : fromCivil(day, from + rng.int(0, to - from));
  };
  const language = (): Lang => (rng.chance(0.5) ? 'kk' : 'ru');
  const reviewerOf: Record<'akimat' | 'psc' | 'district', UserRecord> = {
    akimat: cast.officer,
    psc: cast.director,
    district: cast.district,
  };
  /** Taken under review the next working day in the morning, answered within four working days. */
  const reviewed = (d: number, level: keyof typeof reviewerOf): Move[] => {
    const by = reviewerOf[level];
    return [
      { act: 'review', at: on(d + 1, minutes(9), minutes(11, 30)), by },
      { act: 'answer', at: on(d + rng.int(1, 4), minutes(14), minutes(17, 59)), by },
    ];
  };
  const pickOutcome = (s: Scenario) => rng.pick(s.outcomes);

  const cases: Case[] = [];
  const atTheOffice = (s: Served) => ({
    iin: s.person.iin,
    complainant: { iin: s.person.iin, name: fullName(s.person) },
    applicationId: s.applicationId,
  });
  /** At the counter after lunch or in the evening (complaints until 20:00, R-10); at the PSC, at the hand-over. */
  const filedAt = (s: Served) =>
    s.channel === 'akimat' ? on(s.dayIndex, minutes(15), minutes(19, 49))! : s.at + rng.int(5, 20) * MINUTE;

  const lateDay = working.length - LATE_CASE_DAYS_BACK;
  const lateServed = served.find((s) => s.dayIndex === lateDay && s.channel === 'akimat' && !s.refused);

  working.forEach((_day, d) => {
    if (!rng.chance(DAILY_CHANCE)) return;
    const candidates = served.filter((s) => s.dayIndex === d && s !== lateServed);
    if (candidates.length === 0) return;
    // A refusal or a late result is likelier to be complained about.
    const s = rng.weighted(candidates.map((c) => [c, c.late ? 4 : c.refused ? 3 : 1] as const));
    const at = filedAt(s);
    if (s.channel === 'psc') {
      const scenario = s.late ? SCENARIOS.pscLate : SCENARIOS.pscService;
      cases.push({
        scenario,
        outcome: pickOutcome(scenario),
        language: language(),
        filedAt: at,
        filedBy: cast.operator,
        ...atTheOffice(s),
        moves: reviewed(d, 'psc'),
      });
    } else if (!s.refused) {
      const scenario = SCENARIOS.counter;
      cases.push({
        scenario,
        outcome: pickOutcome(scenario),
        language: language(),
        filedAt: at,
        filedBy: cast.officer,
        ...atTheOffice(s),
        moves: reviewed(d, 'akimat'),
      });
    } else if (rng.chance(0.5)) {
      // A disagreement with the refusal, filed as such: the district akim's (§21).
      cases.push({
        scenario: SCENARIOS.refusal,
        outcome: 'not_justified',
        language: language(),
        filedAt: at,
        filedBy: cast.officer,
        ...atTheOffice(s),
        moves: reviewed(d, 'district'),
      });
    } else {
      // Filed as improper service; the rural akim's officer forwards it to the district akim.
      cases.push({
        scenario: { ...SCENARIOS.refusal, kind: 'service' },
        outcome: 'not_justified',
        language: language(),
        filedAt: at,
        filedBy: cast.officer,
        ...atTheOffice(s),
        moves: [
          { act: 'forward', at: on(d + 1, minutes(9), minutes(10, 30)), by: cast.officer, to: 'district' },
          { act: 'review', at: on(d + 1, minutes(14), minutes(16)), by: cast.district },
          { act: 'answer', at: on(d + rng.int(2, 4), minutes(14), minutes(17, 59)), by: cast.district },
        ],
      });
    }
  });

  if (lateServed) {
    // Taken under review, then forgotten: the evening sweep alerts the office on the last day and escalates it
    // to the district akim after the deadline; the district akim answers it the next working day, late.
    const d = lateServed.dayIndex;
    cases.push({
      scenario: SCENARIOS.absent,
      outcome: 'justified_satisfied',
      language: language(),
      filedAt: filedAt(lateServed),
      filedBy: cast.officer,
      ...atTheOffice(lateServed),
      moves: [
        { act: 'review', at: on(d + 1, minutes(9), minutes(11)), by: cast.officer },
        { act: 'review', at: on(d + 6, minutes(9), minutes(10)), by: cast.district },
        { act: 'answer', at: on(d + 6, minutes(15), minutes(17)), by: cast.district },
      ],
      late: true,
      surveyShare: 1,
    });
  }

  const citizenIin = cast.citizen.iin;
  const queueDay = working.length - CITIZEN_CASE_DAYS_BACK;
  if (citizenIin && queueDay >= 0) {
    // Online in the evening, after the PSC closed: it counts from the next working day.
    cases.push({
      scenario: SCENARIOS.citizenQueue,
      outcome: 'justified_partly',
      language: 'kk',
      filedAt: on(queueDay, minutes(21), minutes(22))!,
      filedBy: cast.citizen,
      iin: citizenIin,
      officeId: input.pscOfficeId,
      moves: [
        { act: 'review', at: on(queueDay + 1, minutes(10), minutes(12)), by: cast.director },
        { act: 'answer', at: on(queueDay + 3, minutes(14), minutes(17)), by: cast.director },
      ],
      surveyShare: 1,
    });
  }
  const phoneDay = working.length - 1;
  if (citizenIin && phoneDay >= 0) {
    // Yesterday (the last working day): not taken under review yet — the citizen's list shows it open.
    cases.push({
      scenario: SCENARIOS.citizenPhone,
      outcome: 'justified_satisfied',
      language: 'ru',
      filedAt: on(phoneDay, minutes(18, 30), minutes(19, 30))!,
      filedBy: cast.citizen,
      iin: citizenIin,
      officeId: input.akimatOfficeId,
      moves: reviewed(phoneDay, 'akimat'),
    });
  }

  const steps = cases.flatMap((c) => caseSteps(c, rng, tally));
  // The deadline sweep the server runs every few minutes; deadlines fall at 20:00, so each working evening is
  // when it would act: the last-day alert, and the escalation once a deadline has passed.
  for (const day of working) {
    steps.push({
      at: fromCivil(day, minutes(20, 5)),
      run: async (then) => {
        succeeded(tally, 'complaint sweep', await sweepComplaintDeadlines(then, null));
      },
    });
  }
  return steps;
}

/** One complaint's steps: filed, then each move while its day is in the past, then perhaps its survey. */
function caseSteps(c: Case, rng: Rng, tally: DemoTally): Step[] {
  let id: string | undefined;
  let number: string | undefined;
  let answered = false;
  const steps: Step[] = [
    {
      at: c.filedAt,
      run: async (then) => {
        const applicationId = c.applicationId?.();
        if (c.applicationId && !applicationId) return;
        const r = await fileComplaint(
          then,
          c.filedBy,
          {
            kind: c.scenario.kind,
            ...(applicationId ? { applicationId } : { officeId: c.officeId }),
            ...(c.complainant ? { complainant: c.complainant } : {}),
            language: c.language,
            text: c.scenario.text[c.language],
          },
          null,
        );
        if (!succeeded(tally, 'complaint.file', r)) return;
        id = r.value.complaint.id;
        number = r.value.complaint.number;
        tally.complaints++;
      },
    },
  ];
  for (const m of c.moves) {
    const at = m.at;
    if (at === undefined) break;
    steps.push({
      at,
      run: async (then) => {
        if (!id) return;
        const r =
          m.act === 'review'
            ? await takeUnderReview(then, m.by, id, null)
            : m.act === 'forward'
              ? await forwardComplaint(then, m.by, id, m.to, FORWARD_REASON[c.language], null)
              : await answerComplaint(
                  then,
                  m.by,
                  id,
                  { outcome: c.outcome, text: c.scenario.answers[c.outcome]![c.language] },
                  null,
                );
        if (succeeded(tally, `complaint.${m.act}`, r) && m.act === 'answer') {
          answered = true;
          tally.answered++;
        }
      },
    });
  }
  const last = c.moves.at(-1);
  if (last?.act === 'answer' && last.at !== undefined && c.moves.every((m) => m.at !== undefined)) {
    steps.push(
      ...complaintSurvey(
        {
          at: last.at,
          number: () => (answered ? number : undefined),
          iin: c.iin,
          outcome: c.outcome,
          late: c.late ?? false,
        },
        rng,
        tally,
        c.surveyShare,
      ),
    );
  }
  return steps;
}
