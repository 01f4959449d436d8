import { Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingFactory2, IconCertificate, IconNetwork, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { PageLoader } from '../../components/PageLoader';
import { QueryContent } from '../../components/QueryContent';
import { useSession } from '../../features/auth/hooks/useSession';
import { CompanyList } from '../../features/companies/components/CompanyList';
import { useMyCompanies } from '../../features/companies/hooks/useCompanies';

const FEATURES = [
  { key: 'companies', icon: IconBuildingFactory2 },
  { key: 'networks', icon: IconNetwork },
  { key: 'experts', icon: IconCertificate },
] as const;

function Welcome() {
  const { t } = useTranslation();
  return (
    <Page title={t('home.anonymous.title')} description={t('home.anonymous.lead')}>
      <Stack gap="xl">
        <Group gap="sm">
          <Button component={Link} to="/inscription" size="md">
            {t('home.anonymous.signup')}
          </Button>
          <Button component={Link} to="/connexion" size="md" variant="default">
            {t('home.anonymous.login')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {FEATURES.map(({ key, icon: Icon }) => (
            <Card key={key} withBorder padding="lg" component="section" aria-labelledby={`feature-${key}`}>
              <ThemeIcon size={44} radius="md" variant="light" mb="sm" aria-hidden>
                <Icon size={26} />
              </ThemeIcon>
              <Title order={2} size="h4" id={`feature-${key}`} mb={4}>
                {t(`home.features.${key}.title`)}
              </Title>
              <Text>{t(`home.features.${key}.text`)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
    </Page>
  );
}

function Dashboard({ firstName }: { firstName: string }) {
  const { t } = useTranslation();
  const companies = useMyCompanies();
  const add = (
    <Button component={Link} to="/entreprises#ajouter" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('home.addCompany')}
    </Button>
  );
  return (
    <Page title={t('home.greeting', { name: firstName })} description={t('home.lead')}>
      <Stack gap="md" component="section" aria-labelledby="home-companies">
        <Group justify="space-between">
          <Title order={2} id="home-companies">
            {t('home.myCompanies')}
          </Title>
          {companies.data?.length ? add : null}
        </Group>
        <QueryContent query={companies}>{(list) => <CompanyList companies={list} emptyAction={add} />}</QueryContent>
      </Stack>
    </Page>
  );
}

export default function HomePage() {
  const { user, isPending } = useSession();
  if (isPending) return <PageLoader />;
  return user ? <Dashboard firstName={user.firstName} /> : <Welcome />;
}
