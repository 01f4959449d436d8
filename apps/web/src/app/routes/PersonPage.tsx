import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../components/Page';
import { LoadingLines, QueryContent } from '../../components/QueryContent';
import { MessageButton } from '../../features/messaging/components/MessageButton';
import { PersonProfileView } from '../../features/profile/components/PersonProfileView';
import { usePerson } from '../../features/profile/hooks/useProfile';
import { isApiError } from '../../lib/api';
import { fullName } from '../../lib/format';
import NotFoundPage from './NotFoundPage';

export default function PersonPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const person = usePerson(id);
  if (isApiError(person.error, 404) || isApiError(person.error, 400)) return <NotFoundPage />;
  return (
    <Page
      title={person.data ? fullName(person.data) : t('person.title')}
      size="md"
      actions={person.data ? <MessageButton personId={person.data.id} /> : null}
    >
      <QueryContent query={person} loading={<LoadingLines lines={6} />}>
        {(profile) => <PersonProfileView profile={profile} />}
      </QueryContent>
    </Page>
  );
}
