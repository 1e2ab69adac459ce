import { Link } from 'react-router';
import { useI18n } from '../locale';
import { Page } from '../page';
import { useSession } from '../session';

export function NotFoundPage() {
  const { t } = useI18n();
  const { state } = useSession();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to={state.status === 'signed-in' ? '/home' : '/'}>{t('notFound.back')}</Link>
      </p>
    </Page>
  );
}
