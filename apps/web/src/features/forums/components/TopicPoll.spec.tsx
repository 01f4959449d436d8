import { act, screen, waitFor } from '@testing-library/react';
import { ApiRequestError } from '../../../lib/api';
import { renderWithProviders } from '../../../test/render';
import { pollsApi } from '../api/forums.api';
import { TopicPoll } from './TopicPoll';

jest.mock('../api/forums.api', () => ({
  ...jest.requireActual('../api/forums.api'),
  pollsApi: { get: jest.fn() },
}));
const get = pollsApi.get as jest.MockedFunction<typeof pollsApi.get>;

describe('TopicPoll', () => {
  it('shows nothing on a topic without a poll (the API answers 404)', async () => {
    get.mockRejectedValue(new ApiRequestError(404, { code: 'NOT_FOUND', message: 'Poll not found' }));
    renderWithProviders(<TopicPoll topicId="topic-1" />);
    await waitFor(() => expect(get).toHaveBeenCalled());
    // Let the failed request settle into the query's state before looking.
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when the poll cannot be read for another reason', async () => {
    get.mockRejectedValue(new ApiRequestError(500, { code: 'INTERNAL', message: 'boom' }));
    renderWithProviders(<TopicPoll topicId="topic-2" />);
    await screen.findByRole('alert', {}, { timeout: 10_000 });
  });
});
