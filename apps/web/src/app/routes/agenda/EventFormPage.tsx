import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaEvent } from '@maillage/contracts';
import { useNavigate, useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { agendaApi } from '../../../features/agenda/api/agenda.api';
import { EventForm } from '../../../features/agenda/components/EventForm';
import { eventPath } from '../../../features/agenda/hooks/paths';
import { useAgendaEvent, useAgendaSettings, useAgendaShareTargets, useRefreshAgenda } from '../../../features/agenda/hooks/useAgenda';
import { networkPath } from '../../../config/paths/networks';
import { useNetwork } from '../../../features/networks/hooks/useNetworks';
import { isApiError } from '../../../lib/api';
import { notify } from '../../../lib/notify';
import NotFoundPage from '../NotFoundPage';

/** /reseaux/:id/agenda/nouveau — a new event of the network (managers publish, members propose). */
export function NewEventPage() {
  const { t } = useTranslation();
  const networkId = useParams().id ?? '';
  const navigate = useNavigate();
  const network = useNetwork(networkId);
  const settings = useAgendaSettings(networkId);
  const shareTargets = useAgendaShareTargets(networkId, !!settings.data?.canManage);
  const refresh = useRefreshAgenda();
  if (isApiError(network.error, 404) || isApiError(settings.error, 404)) return <NotFoundPage />;
  const back = () => navigate(network.data ? networkPath(network.data, 'agenda') : '/agenda');
  return (
    <Page title={t('agenda.form.newTitle')} description={network.data?.name} size="md">
      <QueryContent query={settings} loading={<LoadingLines lines={10} />}>
        {(loaded) =>
          loaded.canPropose ? (
            <EventForm
              canPublish={!!loaded.canManage}
              shareTargets={shareTargets.data}
              onCancel={back}
              onSubmit={async (input) => {
                const [first] = await agendaApi.create(networkId, input);
                await refresh();
                notify.success(loaded.canManage ? t('agenda.form.created') : t('agenda.form.proposed'));
                if (first) navigate(eventPath(first.id));
              }}
            />
          ) : (
            <NotFoundPage />
          )
        }
      </QueryContent>
    </Page>
  );
}

/** /evenements/:id/modifier — the managers' edit form. */
export function EditEventPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const navigate = useNavigate();
  const event = useAgendaEvent(id);
  const refresh = useRefreshAgenda();
  if (isApiError(event.error, 404) || isApiError(event.error, 400)) return <NotFoundPage />;
  return (
    <Page title={t('agenda.form.editTitle')} description={event.data?.title} size="md">
      <QueryContent query={event} loading={<LoadingLines lines={10} />}>
        {(loaded) =>
          loaded.canManage ? (
            <EditEventForm
              event={loaded}
              onCancel={() => navigate(eventPath(id))}
              onSubmit={async (input) => {
                await agendaApi.update(id, input);
                await refresh(id);
                notify.success(t('agenda.form.saved'));
                navigate(eventPath(id));
              }}
            />
          ) : (
            <NotFoundPage />
          )
        }
      </QueryContent>
    </Page>
  );
}

export default NewEventPage;

/** The edit form once the networks the manager may share the event with are known. */
function EditEventForm({ event, ...props }: { event: AgendaEvent } & Pick<ComponentProps<typeof EventForm>, 'onSubmit' | 'onCancel'>) {
  const shareTargets = useAgendaShareTargets(event.network.id, true);
  return (
    <QueryContent query={shareTargets} loading={<LoadingLines lines={10} />}>
      {(targets) => <EventForm event={event} canPublish shareTargets={targets} {...props} />}
    </QueryContent>
  );
}
