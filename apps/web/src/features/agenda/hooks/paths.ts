export const MY_AGENDA_PATH = '/agenda';
export const TERRITORY_AGENDA_PATH = '/agenda/territoire';

export const eventPath = (id: string) => `/evenements/${id}`;
export const editEventPath = (id: string) => `/evenements/${id}/modifier`;
/** The creation form of a network's event (the network by id). */
export const newEventPath = (networkId: string) => `/reseaux/${networkId}/agenda/nouveau`;
