import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { networkWorld, type Person } from '../../../test/network-world';
import type { HttpClient } from '../../../test/http-client';

const V1 = '/api/v1';
const CANARY = 'CANARY-SURVEY-5521';

/** Questionnaires over HTTP: audiences, sending and reminders, answers of every kind, results, exports, privacy, bad input. */
describe('surveys', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let julien: Person; // his company animates the club
  let anne: Person; // member company A
  let anneColleague: Person; // a second person of company A
  let bruno: Person; // member company B
  let otherMember: Person; // member of another network only
  let outsider: Person;
  let ligerien: Person; // a company of the Loire (42), in no network
  let lyonnais: Person; // a company of the Rhône (69)
  let club: { id: string };
  let other: { id: string };

  const count = async (table: string) => Number((await app.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const questions = [
    { kind: 'single', label: 'Rejoindriez-vous un réseau sur l’export ?', required: true, choices: ['Oui', 'Non', 'Peut-être'] },
    { kind: 'multiple', label: 'Quels pays vous intéressent ?', required: false, choices: ['Allemagne', 'Italie', 'Espagne'] },
    { kind: 'scale', label: 'Importance de l’export pour vous (1 à 5)', required: true },
    { kind: 'short_text', label: 'Votre principal frein', required: false },
    { kind: 'long_text', label: 'Commentaires', required: false },
    { kind: 'number', label: 'Part du chiffre d’affaires à l’export (%)', required: false },
  ];
  const draft = (over: Record<string, unknown> = {}) => ({
    title: 'Un réseau export dans le Forez ?',
    intro: 'Cinq minutes pour nous dire vos besoins.',
    answerPer: 'company',
    audience: { kind: 'networks', networkIds: [club.id] },
    questions,
    ...over,
  });
  /** Answers by position (the API takes them by question id). */
  const sheet = (survey: { questions: { id: string }[] }, values: unknown[]) =>
    Object.fromEntries(values.map((v, i) => [survey.questions[i].id, v]).filter(([, v]) => v !== undefined));
  const mailsOf = (template: string) =>
    app.db.query('SELECT "to", subject, text FROM mail_outbox WHERE template = $1 ORDER BY "to"', [template]) as Promise<
      { to: string; subject: string; text: string }[]
    >;

  beforeAll(async () => {
    app = await createTestApp();
    world = await networkWorld(app);
    julien = await world.person(true, 'Julien');
    anne = await world.person(true, 'Anne');
    anneColleague = await world.person(false, 'Arthur');
    bruno = await world.person(true, 'Bruno');
    otherMember = await world.person(true, 'Olga');
    outsider = await world.person(true, 'Oscar');
    ligerien = await world.person(true, 'Lise');
    lyonnais = await world.person(true, 'Léon');
    club = await world.createNetwork({ name: 'Club des industriels du Forez', visibility: 'private', territory: { departements: ['42'] } });
    other = await world.createNetwork({ name: 'Grappe Loire Numérique' });
    await world.enrol(club.id, julien, 'animator');
    await world.enrol(club.id, anne);
    await world.enrol(club.id, bruno);
    await world.enrol(other.id, otherMember);
    // Arthur joins Anne's company (test set-up: the companies module's own table).
    await app.db.query("INSERT INTO company_members (company_id, person_id, role) VALUES ($1, $2, 'member')", [
      anne.companyId,
      anneColleague.id,
    ]);
    await app.db.query("UPDATE companies SET departement_code = '42', commune_code = '42218' WHERE id = $1", [ligerien.companyId]);
    await app.db.query("UPDATE companies SET departement_code = '69', commune_code = '69123' WHERE id = $1", [lyonnais.companyId]);
  });
  afterAll(() => app?.close());

  it('is sent by the animator to the club members (in-app and e-mail), answered once per company, reminded, and read as results and exports', async () => {
    const created = await julien.client.post(`${V1}/surveys`, draft());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', isOwner: true, canAnswer: false, questions: expect.any(Array) });
    const id: string = created.body.id;
    // A draft is nobody else's business.
    expect((await anne.client.get(`${V1}/surveys/${id}`)).status).toBe(404);

    const sent = await julien.client.post(`${V1}/surveys/${id}/send`);
    expect(sent.status).toBe(200);
    // Company mode: recipients are companies (Julien's, Anne's, Bruno's).
    expect(sent.body).toMatchObject({ status: 'open', recipients: 3, responses: 0 });
    expect((await julien.client.put(`${V1}/surveys/${id}`, draft())).status).toBe(409);

    const invited = (await mailsOf('survey-invitation')).map((m) => m.to);
    expect(invited.sort()).toEqual([anne.email, anneColleague.email, bruno.email].sort());
    const [mail] = await mailsOf('survey-invitation');
    expect(mail.subject).toBe('Questionnaire : « Un réseau export dans le Forez ? »');
    expect(mail.text).toContain(`/enquetes/${id}`);
    const inbox = await anne.client.get(`${V1}/notifications`);
    expect(inbox.body.items[0]).toMatchObject({ type: 'survey.invitation', path: `/enquetes/${id}` });
    // Only the invitation of its company to the network (the test world enrols companies by invitation).
    expect(
      (await otherMember.client.get(`${V1}/notifications`)).body.items.filter((n: { type: string }) => n.type !== 'network.invitation'),
    ).toEqual([]);

    const asAnne = await anne.client.get(`${V1}/surveys/${id}`);
    expect(asAnne.body).toMatchObject({ canAnswer: true, isOwner: false, recipients: null, responses: null, audienceLabel: '' });
    expect((await anne.client.get(`${V1}/surveys`)).body.map((s: { id: string }) => s.id)).toContain(id);

    const answered = await anne.client.post(`${V1}/surveys/${id}/responses`, {
      answers: sheet(asAnne.body, [0, [0, 2], 4, 'Trouver des partenaires', `Réponse privée ${CANARY}`, 35]),
    });
    expect(answered.status).toBe(201);
    expect(answered.body).toMatchObject({ answered: true, canAnswer: false });
    // Her colleague answers for the same company: refused, nothing written.
    const again = await anneColleague.client.post(`${V1}/surveys/${id}/responses`, { answers: sheet(asAnne.body, [1, undefined, 2]) });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SURVEY_ALREADY_ANSWERED');
    expect(await count('survey_responses')).toBe(1);

    expect(
      (await bruno.client.post(`${V1}/surveys/${id}/responses`, { answers: sheet(asAnne.body, [2, [1], 3, null, null, 12.5]) })).status,
    ).toBe(201);

    // Reminder: only Julien's company has not answered, so only Julien is told (his own action is not notified to him).
    const remind = await julien.client.post(`${V1}/surveys/${id}/remind`);
    expect(remind.status).toBe(200);
    expect(remind.body).toEqual({ reminded: 1 });
    expect(await mailsOf('survey-reminder')).toEqual([]);
    expect((await julien.client.post(`${V1}/surveys/${id}/remind`)).status).toBe(409);

    const results = await julien.client.get(`${V1}/surveys/${id}/results`);
    expect(results.status).toBe(200);
    expect(results.body).toMatchObject({ responses: 2, recipients: 3 });
    const [single, multiple, scale, short, long, number] = results.body.questions;
    expect(single.counts).toEqual([
      { label: 'Oui', count: 1 },
      { label: 'Non', count: 0 },
      { label: 'Peut-être', count: 1 },
    ]);
    expect(multiple.counts.map((c: { count: number }) => c.count)).toEqual([1, 1, 1]);
    expect(scale).toMatchObject({ average: 3.5, answered: 2 });
    expect(short.texts).toEqual(['Trouver des partenaires']);
    expect(long.texts).toEqual([`Réponse privée ${CANARY}`]);
    expect(number.average).toBe(23.75);

    // Respondents see the aggregated results once shared, never the texts.
    expect((await bruno.client.get(`${V1}/surveys/${id}/results`)).status).toBe(404);
    expect((await julien.client.put(`${V1}/surveys/${id}/sharing`, { resultsShared: true })).status).toBe(200);
    const shared = await bruno.client.get(`${V1}/surveys/${id}/results`);
    expect(shared.status).toBe(200);
    expect(shared.body.recipients).toBeNull();
    expect(shared.body.questions[0].counts[0].count).toBe(1);
    expect(JSON.stringify(shared.body)).not.toContain(CANARY);
    expect(JSON.stringify(shared.body)).not.toContain('Trouver des partenaires');

    const csv = await julien.client.request('GET', `${V1}/surveys/${id}/responses.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'N°;Date;Entreprise;Répondant;Rejoindriez-vous un réseau sur l’export ?;Quels pays vous intéressent ?;Importance de l’export pour vous (1 à 5);Votre principal frein;Commentaires;Part du chiffre d’affaires à l’export (%)',
    );
    expect(lines[1]).toContain(';Oui;Allemagne, Espagne;4;Trouver des partenaires;');
    expect(lines[2]).toContain(';Peut-être;Italie;3;;;12.5');

    const xlsx = await fetch(`${app.url}${V1}/surveys/${id}/responses.xlsx`, { headers: { cookie: julien.client.cookieHeader } });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const ws = workbook.getWorksheet('Réponses');
    expect(ws?.getRow(2).getCell(5).value).toBe('Oui');
    expect(ws?.getRow(3).getCell(10).value).toBe(12.5);

    // Closed: no more answers.
    expect((await julien.client.post(`${V1}/surveys/${id}/close`)).body.status).toBe('closed');
    const late = await julien.client.post(`${V1}/surveys/${id}/responses`, { answers: sheet(asAnne.body, [0, undefined, 1]) });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('SURVEY_CLOSED');
  });

  it('asks the companies of a territory for a CCI, one answer per person, within its territory only', async () => {
    const options = await world.staff.client.get(`${V1}/surveys/options`);
    const loire = options.body.organizations.find((o: { id: string }) => o.id === world.hostId);
    expect(loire.departements).toContain('42');
    const territory = (departements: string[], communes: string[] = [], organizationId = world.hostId) => ({
      kind: 'territory',
      organizationId,
      departements,
      communes,
    });

    // Outside its territory, or for an organisation one is not staff of: refused, nothing written.
    const before = await count('surveys');
    for (const audience of [territory(['69']), territory([], ['69123']), territory(['42'], [], world.otherHostId), territory([], [])]) {
      const res = await world.staff.client.post(`${V1}/surveys`, draft({ audience, answerPer: 'person' }));
      expect([400, 403]).toContain(res.status);
    }
    // A plain member has no territory.
    expect((await anne.client.post(`${V1}/surveys`, draft({ audience: territory(['42']) }))).status).toBe(403);
    expect(await count('surveys')).toBe(before);

    const created = await world.staff.client.post(
      `${V1}/surveys`,
      draft({ title: 'Besoins des entreprises de la Loire', audience: territory([], ['42218']), answerPer: 'person' }),
    );
    expect(created.status).toBe(201);
    const sent = await world.staff.client.post(`${V1}/surveys/${created.body.id}/send`);
    expect(sent.status).toBe(200);
    const asked: { person_id: string }[] = await app.db.query('SELECT DISTINCT person_id FROM survey_recipients WHERE survey_id = $1', [
      created.body.id,
    ]);
    expect(asked.map((r) => r.person_id)).toEqual([ligerien.id]);
    expect((await lyonnais.client.get(`${V1}/surveys/${created.body.id}`)).status).toBe(404);
    const view = await ligerien.client.get(`${V1}/surveys/${created.body.id}`);
    expect(view.body.canAnswer).toBe(true);
    expect(
      (await ligerien.client.post(`${V1}/surveys/${created.body.id}/responses`, { answers: sheet(view.body, [1, undefined, 5]) })).status,
    ).toBe(201);
    expect(
      (await ligerien.client.post(`${V1}/surveys/${created.body.id}/responses`, { answers: sheet(view.body, [1, undefined, 5]) })).status,
    ).toBe(409);
  });

  it('refuses answers of the wrong type, to foreign or draft surveys, and audiences outside one’s networks, writing nothing', async () => {
    // Networks one does not run.
    for (const networkIds of [[other.id], [club.id, other.id], ['00000000-0000-4000-8000-000000000000']]) {
      const res = await julien.client.post(`${V1}/surveys`, draft({ audience: { kind: 'networks', networkIds } }));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('SURVEY_AUDIENCE_NOT_YOURS');
    }
    expect((await anne.client.post(`${V1}/surveys`, draft())).status).toBe(403);
    const surveys = await count('surveys');
    for (const body of [
      draft({ title: 'Deux\nlignes' }),
      draft({ answerPer: 'team' }),
      draft({ questions: [] }),
      draft({ questions: [{ kind: 'single', label: 'Un seul choix', required: true, choices: ['Oui'] }] }),
      draft({ questions: [{ kind: 'scale', label: 'Échelle', required: true, choices: ['a', 'b'] }] }),
      draft({ questions: [{ kind: 'essay', label: 'Inconnu', required: true }] }),
      draft({ closesAt: new Date(Date.now() - 60_000).toISOString() }),
      draft({ audience: { kind: 'networks', networkIds: 'x' } }),
    ]) {
      const res = await julien.client.post(`${V1}/surveys`, body);
      expect(res.status).toBe(400);
    }
    expect(await count('surveys')).toBe(surveys);

    const created = await julien.client.post(`${V1}/surveys`, draft({ answerPer: 'person' }));
    const id = created.body.id;
    // A draft cannot be answered (it does not exist for the members yet).
    expect((await anne.client.post(`${V1}/surveys/${id}/responses`, { answers: {} })).status).toBe(404);
    await julien.client.post(`${V1}/surveys/${id}/send`);
    const view = (await anne.client.get(`${V1}/surveys/${id}`)).body;
    const responses = await count('survey_responses');
    const wrong: unknown[][] = [
      [5, undefined, 3], // choice out of range
      ['Oui', undefined, 3], // a label instead of an index
      [0.5, undefined, 3],
      [0, [0, 0], 3], // the same choice twice
      [0, [7], 3],
      [0, 1, 3], // multiple wants a list
      [0, undefined, 6], // scale 1–5
      [0, undefined, 2.5],
      [0, undefined, 3, 'deux\nlignes'], // short text is one line
      [0, undefined, 3, 'x'.repeat(301)],
      [0, undefined, 3, undefined, 'x'.repeat(5001)],
      [0, undefined, 3, undefined, undefined, 'beaucoup'],
      [0, undefined, 3, undefined, undefined, 1e12],
      [undefined, undefined, 3], // a required question left out
      [0], // the other required one
    ];
    for (const values of wrong) {
      const res = await anne.client.post(`${V1}/surveys/${id}/responses`, { answers: sheet(view, values) });
      expect({ values, status: res.status }).toEqual({ values, status: 400 });
    }
    expect(
      (await anne.client.post(`${V1}/surveys/${id}/responses`, { answers: { ...sheet(view, [0, undefined, 3]), 'not-a-question': 1 } }))
        .status,
    ).toBe(400);
    expect((await anne.client.post(`${V1}/surveys/${id}/responses`, { answers: 'oui' })).status).toBe(400);
    // For a company that is not hers.
    expect(
      (await anne.client.post(`${V1}/surveys/${id}/responses`, { companyId: bruno.companyId, answers: sheet(view, [0, undefined, 3]) }))
        .status,
    ).toBe(400);
    expect(await count('survey_responses')).toBe(responses);
    // Foreign: someone outside the audience, signed in or not.
    expect((await otherMember.client.post(`${V1}/surveys/${id}/responses`, { answers: sheet(view, [0, undefined, 3]) })).status).toBe(404);
    expect((await app.client().post(`${V1}/surveys/${id}/responses`, { answers: sheet(view, [0, undefined, 3]) })).status).toBe(401);
    expect(await count('survey_responses')).toBe(responses);

    // One per person: Anne and her colleague each answer once.
    expect((await anne.client.post(`${V1}/surveys/${id}/responses`, { answers: sheet(view, [0, undefined, 3]) })).status).toBe(201);
    expect((await anne.client.post(`${V1}/surveys/${id}/responses`, { answers: sheet(view, [1, undefined, 3]) })).status).toBe(409);
    expect((await anneColleague.client.post(`${V1}/surveys/${id}/responses`, { answers: sheet(view, [1, undefined, 3]) })).status).toBe(
      201,
    );
  });

  it('never lets a private answer out: REST, search, notifications, exports (canary)', async () => {
    const created = await julien.client.post(
      `${V1}/surveys`,
      draft({ title: 'Questionnaire témoin', answerPer: 'person', resultsShared: true }),
    );
    const id = created.body.id;
    await julien.client.post(`${V1}/surveys/${id}/send`);
    const view = (await bruno.client.get(`${V1}/surveys/${id}`)).body;
    const secret = `${CANARY}-${Date.now()}`;
    expect(
      (await bruno.client.post(`${V1}/surveys/${id}/responses`, { answers: sheet(view, [0, undefined, 2, secret, secret]) })).status,
    ).toBe(201);

    const paths = [
      `${V1}/surveys`,
      `${V1}/surveys/${id}`,
      `${V1}/surveys/${id}/results`,
      `${V1}/surveys/${id}/responses.csv`,
      `${V1}/surveys/${id}/responses.xlsx`,
      `${V1}/notifications`,
      `${V1}/search?q=${encodeURIComponent(CANARY)}`,
      `${V1}/search?q=${encodeURIComponent(secret)}`,
    ];
    const readers: Record<string, HttpClient> = {
      anne: anne.client,
      colleague: anneColleague.client,
      otherMember: otherMember.client,
      outsider: outsider.client,
      anonymous: app.client(),
      staffOfHost: world.staff.client,
    };
    for (const [who, client] of Object.entries(readers)) {
      for (const path of paths) {
        const res = await client.request('GET', path);
        const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
        expect({ who, path, leaked: text.includes(CANARY) }).toEqual({ who, path, leaked: false });
        if (path.endsWith('.csv') || path.endsWith('.xlsx'))
          expect({ who, path, status: res.status }).toEqual({ who, path, status: who === 'anonymous' ? 401 : 404 });
      }
    }
    // The mails of the survey say its title only.
    const mails: { text: string; html: string }[] = await app.db.query("SELECT text, html FROM mail_outbox WHERE template LIKE 'survey-%'");
    expect(mails.some((m) => m.text.includes(CANARY) || m.html.includes(CANARY))).toBe(false);
    // Its owner reads it.
    expect(JSON.stringify((await julien.client.get(`${V1}/surveys/${id}/results`)).body)).toContain(secret);
  });

  it('answers the role × endpoint matrix', async () => {
    const created = await julien.client.post(`${V1}/surveys`, draft({ title: 'Matrice', answerPer: 'person' }));
    const id = created.body.id;
    await julien.client.post(`${V1}/surveys/${id}/send`);
    type Row = { get: number; results: number; csv: number; remind: number; sharing: number; close: number };
    const who: Record<string, [HttpClient, Row]> = {
      anonymous: [app.client(), { get: 401, results: 401, csv: 401, remind: 401, sharing: 401, close: 401 }],
      outsider: [outsider.client, { get: 404, results: 404, csv: 404, remind: 404, sharing: 404, close: 404 }],
      otherNetworkMember: [otherMember.client, { get: 404, results: 404, csv: 404, remind: 404, sharing: 404, close: 404 }],
      recipient: [anne.client, { get: 200, results: 404, csv: 404, remind: 404, sharing: 404, close: 404 }],
      // Host staff who did not write it: a network survey belongs to its author.
      hostStaff: [world.staff.client, { get: 404, results: 404, csv: 404, remind: 404, sharing: 404, close: 404 }],
      admin: [world.admin.client, { get: 200, results: 200, csv: 200, remind: 200, sharing: 200, close: 200 }],
      owner: [julien.client, { get: 200, results: 200, csv: 200, remind: 409, sharing: 200, close: 409 }],
    };
    for (const [role, [client, expected]] of Object.entries(who)) {
      const got: Row = {
        get: (await client.get(`${V1}/surveys/${id}`)).status,
        results: (await client.get(`${V1}/surveys/${id}/results`)).status,
        csv: (await client.request('GET', `${V1}/surveys/${id}/responses.csv`)).status,
        remind: (await client.post(`${V1}/surveys/${id}/remind`)).status,
        sharing: (await client.put(`${V1}/surveys/${id}/sharing`, { resultsShared: false })).status,
        close: (await client.post(`${V1}/surveys/${id}/close`)).status,
      };
      expect({ role, ...got }).toEqual({ role, ...expected });
    }
  });
});
