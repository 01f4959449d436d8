import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Box, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SurveyQuestionResult } from '@maillage/contracts';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { surveyKeys, surveysApi } from '../api/surveys.api';

/** The aggregated results: a bar chart and its table per choice or scale question, averages, and the texts (owners only). */
export function SurveyResultsPanel({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const results = useQuery({ queryKey: surveyKeys.results(surveyId), queryFn: () => surveysApi.results(surveyId) });
  return (
    <QueryContent query={results} loading={<LoadingLines lines={6} />}>
      {(data) => (
        <Stack gap="md">
          <Text>
            {data.recipients !== null
              ? t('surveys.results.rate', { count: data.responses, recipients: data.recipients })
              : t('surveys.results.count', { count: data.responses })}
          </Text>
          {data.responses === 0 ? (
            <Text c="dimmed" role="status">
              {t('surveys.results.none')}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {data.questions.map((q, index) => (
                <QuestionResult key={q.questionId} result={q} index={index} />
              ))}
            </SimpleGrid>
          )}
        </Stack>
      )}
    </QueryContent>
  );
}

function QuestionResult({ result: q, index }: { result: SurveyQuestionResult; index: number }) {
  const { t } = useTranslation();
  const headingId = `result-${q.questionId}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {index + 1}. {q.label}
        </Title>
        <Text size="sm" c="dimmed">
          {t('surveys.results.answered', { count: q.answered })}
          {q.average !== null ? ` · ${t('surveys.results.average', { value: q.average.toLocaleString('fr-FR') })}` : ''}
        </Text>
        {q.counts.length ? (
          <>
            {/* The chart is decorative for assistive technologies: the table below carries the figures. */}
            <Box aria-hidden>
              <BarChart
                h={Math.max(140, q.counts.length * 36)}
                data={q.counts.map((c) => ({ label: c.label, count: c.count }))}
                dataKey="label"
                orientation="vertical"
                yAxisProps={{ width: 110 }}
                xAxisProps={{ allowDecimals: false }}
                series={[{ name: 'count', label: t('surveys.results.answers'), color: 'blue.7' }]}
                withTooltip={false}
                // The figures are in the table under the chart: the drawing takes no keyboard focus.
                accessibilityLayer={false}
              />
            </Box>
            <Table fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('surveys.results.choice')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('surveys.results.answers')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.counts.map((c) => (
                  <Table.Tr key={c.label}>
                    <Table.Th scope="row" fw={400}>
                      {c.label}
                    </Table.Th>
                    <Table.Td ta="right">{c.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        ) : null}
        {q.texts !== null ? (
          q.texts.length ? (
            <List size="sm" spacing={4} styles={{ itemWrapper: { overflowWrap: 'anywhere' } }}>
              {q.texts.map((text, i) => (
                <List.Item key={i}>{text}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('surveys.results.noText')}
            </Text>
          )
        ) : null}
      </Stack>
    </Paper>
  );
}
