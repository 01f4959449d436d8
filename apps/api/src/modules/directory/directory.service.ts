import { Inject, Injectable } from '@nestjs/common';
import type {
  SearchFacetName,
  SearchFacetValue,
  SearchHit,
  SearchIndexStatus,
  SearchKind,
  SearchMapResponse,
  SearchResponse,
  SearchSuggestResponse,
} from '@maillage/contracts';
import {
  OPPORTUNITY_TYPE_LABELS_FR,
  SEARCH_FACETS,
  type NetworkMaturity,
  type NetworkType,
  type OpportunityType,
  type SearchDeadlineWindow,
} from '@maillage/contracts';
import { findCommune, findDepartement, findEpci, findHeadcountBand, findRegion, NAF_SECTIONS, nafDivision } from '@maillage/referentials';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { preparedQuery } from '../../core/database/prepared-query';
import { AppException } from '../../core/errors/app-exception';
import { GeoService } from '../../core/geo/geo.service';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { parisDay } from '../../core/search/search-text';
import { SEARCH_ENGINE, type EngineHit, type SearchEngine, type SearchQuery } from '../../core/search/search.types';
import type { SearchQueryDto } from './dto/search.dto';

const KIND_LABELS: Record<SearchKind, string> = {
  company: 'Entreprises',
  expert: 'Experts',
  network: 'Réseaux',
  opportunity: 'Opportunités',
  event: 'Événements',
  topic: 'Discussions',
  document: 'Documents',
};
const NETWORK_TYPE_LABELS: Record<NetworkType, string> = {
  business_club: "Club d'entreprises",
  business_park_association: "Association de zone d'activité",
  cluster: 'Cluster, grappe ou SPL',
  competitiveness_pole: 'Pôle de compétitivité',
  technology_cluster: 'Cluster technologique',
  competence_pole: 'Pôle de compétences',
  virtual_network: 'Réseau virtuel',
  employers_group: "Groupement d'employeurs",
  export_group: 'Groupement export',
  purchasing_group: "Groupement d'achats",
};
const MATURITY_LABELS: Record<NetworkMaturity, string> = {
  emergence: 'Émergence',
  creation: 'Création',
  development: 'Développement',
  autonomy: 'Autonomie',
};
const DEADLINE_LABELS: Record<SearchDeadlineWindow, string> = {
  open: 'Ouvertes',
  '7d': 'Clôture sous 7 jours',
  '30d': 'Clôture sous 30 jours',
};
/** The most points a map receives (markers are clustered in the browser). */
const MAP_LIMIT = 5000;
const SUGGESTIONS_PER_KIND = 5;
/** Kinds offered by search-as-you-type, in display order. */
const SUGGEST_KINDS: SearchKind[] = ['company', 'expert', 'network', 'opportunity', 'topic'];

function facetLabel(facet: SearchFacetName, value: string, networkNames: Map<string, string>): string {
  switch (facet) {
    case 'network':
      return networkNames.get(value) ?? value;
    case 'networkType':
      return NETWORK_TYPE_LABELS[value as NetworkType] ?? value;
    case 'maturity':
      return MATURITY_LABELS[value as NetworkMaturity] ?? value;
    case 'kind':
      return KIND_LABELS[value as SearchKind] ?? value;
    case 'nafSection':
      return NAF_SECTIONS.find((s) => s.code === value)?.label ?? value;
    case 'nafDivision':
      return nafDivision(value)?.label ?? value;
    case 'departement':
      return findDepartement(value)?.name ?? value;
    case 'region':
      return findRegion(value)?.name ?? value;
    case 'epci':
      return findEpci(value)?.name ?? value;
    case 'commune':
      return findCommune(value)?.name ?? value;
    case 'headcount':
      return findHeadcountBand(value)?.label ?? value;
    case 'opportunityType':
      return OPPORTUNITY_TYPE_LABELS_FR[value as OpportunityType] ?? value;
    case 'deadline':
      return DEADLINE_LABELS[value as SearchDeadlineWindow] ?? value;
  }
}

/** The directory: one search over companies, experts (and, later, networks, opportunities…). */
@Injectable()
export class DirectoryService {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly access: AccessPolicy,
    private readonly geo: GeoService,
    private readonly indexer: SearchIndexer,
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Lag, pending and failing index updates (platform admins). */
  async status(actor: Actor): Promise<SearchIndexStatus> {
    await this.access.assert(this.access.canAdministerPlatform(actor));
    return { engine: this.engine.name, ...(await this.indexer.status()) };
  }

  async search(actor: MaybeActor, dto: SearchQueryDto): Promise<SearchResponse> {
    const query = await this.query(actor, dto);
    const result = await this.engine.search(query);
    const networkNames = await this.networkNames((result.facets.network ?? []).map((f) => f.value));
    const facets = Object.fromEntries(
      SEARCH_FACETS.map((name) => [
        name,
        (result.facets[name] ?? [])
          // Membership facet values are public networks (see CompanySearchSource): one that is no longer public is dropped.
          .filter((f) => name !== 'network' || networkNames.has(f.value))
          .map((f): SearchFacetValue => ({ value: f.value, count: f.count, label: facetLabel(name, f.value, networkNames) })),
      ]),
    ) as SearchResponse['facets'];
    return {
      items: await this.visible(actor, query.audience, result.hits),
      total: result.total,
      page: dto.page,
      pageSize: dto.pageSize,
      facets,
      relaxed: result.relaxed,
    };
  }

  /** The engine query of a search request: the validated filters, the radius' centre, the caller's audience. */
  private async query(actor: MaybeActor, dto: SearchQueryDto): Promise<SearchQuery> {
    const near = await this.centre(dto);
    return {
      q: dto.q,
      kinds: dto.kind,
      filters: {
        naf: dto.naf,
        departement: dto.departement,
        region: dto.region,
        epci: dto.epci,
        commune: dto.commune,
        headcount: dto.headcount,
        networkIds: dto.network,
        networkType: dto.networkType,
        maturity: dto.maturity,
        opportunityType: dto.opportunityType,
        deadline: dto.deadline,
      },
      near,
      sort: dto.sort,
      page: dto.page,
      pageSize: dto.pageSize,
      facets: [...SEARCH_FACETS],
      audience: await this.access.searchAudience(actor),
      today: parisDay(),
    };
  }

  /** Every placed result of a search (for the map), up to MAP_LIMIT, each re-checked like a hit. */
  async map(actor: MaybeActor, dto: SearchQueryDto): Promise<SearchMapResponse> {
    const query = await this.query(actor, dto);
    const { total, points } = await this.engine.points(query, MAP_LIMIT + 1);
    const visible = await this.visibleItems(actor, query.audience, points.slice(0, MAP_LIMIT));
    return {
      total,
      truncated: points.length > MAP_LIMIT,
      points: visible.map(({ kind, id, title, lat, lng }) => ({ kind, id, title, lat, lng })),
      tiles: {
        url: this.config.MAP_TILE_URL,
        attribution: this.config.MAP_TILE_ATTRIBUTION,
        attributionUrl: this.config.MAP_TILE_ATTRIBUTION_URL,
      },
    };
  }

  async suggest(actor: MaybeActor, q: string): Promise<SearchSuggestResponse> {
    const audience = await this.access.searchAudience(actor);
    const kinds = SUGGEST_KINDS.filter((k) => this.indexer.kinds.includes(k));
    const found = await this.engine.suggest({ q, kinds, sort: 'relevance', audience }, SUGGESTIONS_PER_KIND);
    const groups = await Promise.all(kinds.map(async (kind) => ({ kind, items: await this.visible(actor, audience, found[kind] ?? []) })));
    return { groups: groups.filter((g) => g.items.length > 0) };
  }

  /** Names of public networks (the membership facet's values). */
  private async networkNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await preparedQuery<{ id: string; name: string }>(
      this.db,
      "SELECT id, name FROM networks WHERE id = ANY($1::uuid[]) AND visibility = 'public'",
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * The engine filtered by visibility already; every hit is checked again against the current data (the index
   * may lag behind a privacy change): networks through the caller's standing, topics, events and documents (whose
   * audience follows their networks') through their audience as their source builds it now, the others
   * (companies, experts) through their indexed audience.
   */
  private async visible(actor: MaybeActor, audience: SearchQuery['audience'], hits: EngineHit[]): Promise<SearchHit[]> {
    return (await this.visibleItems(actor, audience, hits)).map((h) => ({
      kind: h.kind,
      id: h.id,
      title: h.title,
      highlights: h.highlights,
      data: h.payload,
      location: h.location,
      distanceKm: h.distanceKm,
    }));
  }

  private async visibleItems<T extends { kind: SearchKind; id: string; visibility: string; audience: readonly string[] }>(
    actor: MaybeActor,
    audience: SearchQuery['audience'],
    items: T[],
  ): Promise<T[]> {
    const networkIds = items.filter((h) => h.kind === 'network').map((h) => h.id);
    const [standings, audienceOf] = await Promise.all([
      this.access.networkStandings(actor, networkIds),
      this.indexer.currentAudiences(items.filter((h) => h.kind !== 'network')),
    ]);
    return items.filter((h) => {
      if (h.kind === 'network') return this.access.canSeeNetwork(standings.get(h.id) ?? null);
      const now = audienceOf(h);
      return now !== undefined && this.access.canSeeSearchHit(audience, now);
    });
  }

  private async centre(dto: SearchQueryDto): Promise<SearchQuery['near']> {
    if (!dto.near) {
      if (dto.radiusKm !== undefined || dto.sort === 'distance') {
        throw AppException.badRequest('VALIDATION_FAILED', 'Some fields are invalid', [
          { field: 'near', messages: ['is required with radiusKm or sort=distance'] },
        ]);
      }
      return undefined;
    }
    const centre = await this.geo.communeCentre(findCommune(dto.near)?.code ?? dto.near);
    if (!centre) {
      throw AppException.badRequest('UNKNOWN_LOCATION', 'The coordinates of this commune are not known', [
        { field: 'near', messages: ['has no known coordinates'] },
      ]);
    }
    return { ...centre, radiusKm: dto.radiusKm };
  }
}
