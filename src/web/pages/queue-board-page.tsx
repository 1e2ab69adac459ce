/**
 * `/queue/board/:officeId`, public (issue 6 item 2; ): the display board of an office's hall — tickets
 * called to desks and tickets waiting, in large type, in Kazakh and Russian at once whatever the screen
 * language, since the hall reads both. It reloads the board whenever the server-sent stream says the queue
 * moved (a call shows within a second), and every 30 s besides; calls are also announced to screen readers.
 */
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { type MessageKey, type MessageParams, translate } from '../../i18n';
import { ApiError } from '../api';
import { useI18n } from '../locale';
import { Page } from '../page';
import { type Board, clockTime, useQueueFeed } from '../queue';
import { useSession } from '../session';
import '../queue.css';

const POLL_MS = 30_000;

/** A label in both languages of the hall. */
function Both({ k, params }: { k: MessageKey; params?: MessageParams }): ReactNode {
  return (
    <>
      <span lang="kk">{translate('kk', k, params)}</span>
      <span className="queue-both__sep" aria-hidden="true">
        {' / '}
      </span>
      <span lang="ru">{translate('ru', k, params)}</span>
    </>
  );
}

export function QueueBoardPage() {
  const { officeId = '' } = useParams();
  const { t, tError } = useI18n();
  const { api } = useSession();
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [everConnected, setEverConnected] = useState(false);

  const load = useCallback(() => {
    api.get<Board>(`/api/v1/queue/offices/${encodeURIComponent(officeId)}/board`).then(
      (b) => {
        setBoard(b);
        setError(null);
      },
      (e: unknown) => setError(e instanceof ApiError ? e.code : 'UNKNOWN'),
    );
  }, [api, officeId]);

  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  const connected = useQueueFeed(officeId, load);
  useEffect(() => {
    if (connected) setEverConnected(true);
  }, [connected]);

  // The newest call is announced (in the screen's language) once the board shows it.
  const latest = board?.atDesks.find((d) => d.status === 'called');
  const latestKey = latest ? `${latest.number}@${latest.deskNumber}@${latest.calledAt}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: announce only when the newest call changes
  useEffect(() => {
    if (latest && latest.deskNumber !== null)
      setAnnouncement(t('queue.board.announce', { number: latest.number, desk: String(latest.deskNumber) }));
  }, [latestKey]);

  const title = `${translate('kk', 'queue.board.title')} · ${translate('ru', 'queue.board.title')}`;
  return (
    <Page title={title} className="queue-board">
      {board ? (
        <p className="queue-board__office">
          <span lang="kk">{board.office.name.kk}</span>
          <span className="queue-both__sep" aria-hidden="true">
            {' / '}
          </span>
          <span lang="ru">{board.office.name.ru}</span>
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </p>
      {error ? (
        <p className="notice notice--error" role="alert">
          {tError(error)}
        </p>
      ) : null}
      {everConnected && !connected ? (
        <p className="notice notice--info" role="status">
          {t('queue.board.offline')}
        </p>
      ) : null}
      {board ? (
        <>
          {board.open ? null : (
            <p className="queue-board__closed">
              <Both k="queue.board.closed" />
            </p>
          )}
          <div className="queue-board__grid">
            <section aria-labelledby="queue-board-called" className="queue-board__called">
              <h2 id="queue-board-called">
                <Both k="queue.board.called" />
              </h2>
              {board.atDesks.length === 0 ? (
                <p className="queue-board__empty">
                  <Both k="queue.board.noneCalled" />
                </p>
              ) : (
                <table className="queue-board__table">
                  <thead>
                    <tr>
                      <th scope="col">
                        <Both k="queue.board.ticket" />
                      </th>
                      <th scope="col">
                        <Both k="queue.board.window" />
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {board.atDesks.map((d, i) => (
                      <tr
                        key={d.number}
                        data-number={d.number}
                        className={
                          i === 0 && d.status === 'called'
                            ? 'queue-board__row queue-board__row--new'
                            : 'queue-board__row'
                        }
                      >
                        <th scope="row">{d.number}</th>
                        <td>{d.deskNumber ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section aria-labelledby="queue-board-waiting" className="queue-board__waiting">
              <h2 id="queue-board-waiting">
                <Both k="queue.board.waiting" />
              </h2>
              {board.waiting.length === 0 ? (
                <p className="queue-board__empty">
                  <Both k="queue.board.noneWaiting" />
                </p>
              ) : (
                <ul className="queue-board__numbers">
                  {board.waiting.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <div className="queue-board__footer">
            <p>
              <Both k="queue.board.waitingCount" params={{ count: board.waitingCount }} />
            </p>
            <p>
              <Both k="queue.board.expected" params={{ minutes: board.expectedWaitMinutes }} />
            </p>
            <p className="queue-board__clock">
              <Both k="queue.board.now" />: <time dateTime={board.now}>{clockTime(board.now)}</time>
            </p>
          </div>
        </>
      ) : null}
    </Page>
  );
}
