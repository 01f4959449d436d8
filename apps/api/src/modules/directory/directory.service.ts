import { Inject, Injectable } from '@nestjs/common';
import type { SearchFacetName, SearchFacetValue, SearchHit, SearchIndexStatus, SearchKind, SearchResponse, SearchSuggestResponse } from '@maillage/contracts';
import { SEARCH_FACETS } from '@maillage/contracts';
import { findCommune, findDepartement, findEpci, findHeadcountBand, findRegion, NAF_SECTIONS, nafDivision } from '@maillage/referentials';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { GeoService } from '../../core/geo/geo.service';
import { SearchIndexer } from '../../core/search/search-indexer.service';
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
/** Kinds offered by search-as-you-type, in display order. */
const SUGGEST_KINDS: SearchKind[] = ['company', 'expert', 'network'];

function facetLabel(facet: SearchFacetName, value: string): string {
  switch (facet) {
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
  ) {}

  /** Lag, pending and failing index updates (platform admins). */
  async status(actor: Actor): Promise<SearchIndexStatus> {
    await this.access.assert(this.access.canAdministerPlatform(actor));
    return { engine: this.engine.name, ...(await this.indexer.status()) };
  }

  async search(actor: MaybeActor, dto: SearchQueryDto): Promise<SearchResponse> {
    const near = await this.centre(dto);
    const query: SearchQuery = {
      q: dto.q,
      kinds: dto.kind,
      filters: {
        naf: dto.naf,
        departement: dto.departement,
        region: dto.region,
        epci: dto.epci,
        commune: dto.commune,
        headcount: dto.headcount,
      },
      near,
      sort: dto.sort,
      page: dto.page,
      pageSize: dto.pageSize,
      facets: [...SEARCH_FACETS],
      audience: this.access.searchAudience(actor),
    };
    const result = await this.engine.search(query);
    const facets = Object.fromEntries(
      SEARCH_FACETS.map((name) => [
        name,
        (result.facets[name] ?? []).map((f): SearchFacetValue => ({ value: f.value, count: f.count, label: facetLabel(name, f.value) })),
      ]),
    ) as SearchResponse['facets'];
    return {
      items: this.visible(actor, result.hits),
      total: result.total,
      page: dto.page,
      pageSize: dto.pageSize,
      facets,
      relaxed: result.relaxed,
    };
  }

  async suggest(actor: MaybeActor, q: string): Promise<SearchSuggestResponse> {
    const audience = this.access.searchAudience(actor);
    const kinds = SUGGEST_KINDS.filter((k) => this.indexer.kinds.includes(k));
    const results = await Promise.all(
      kinds.map((kind) => this.engine.search({ q, kinds: [kind], pageSize: 5, sort: 'relevance', audience, withTotal: false })),
    );
    return {
      groups: kinds.map((kind, i) => ({ kind, items: this.visible(actor, results[i].hits) })).filter((g) => g.items.length > 0),
    };
  }

  /** The engine filtered by visibility already; every hit is checked again by the access policy. */
  private visible(actor: MaybeActor, hits: EngineHit[]): SearchHit[] {
    return hits
      .filter((h) => this.access.canSeeSearchHit(actor, h))
      .map((h) => ({ kind: h.kind, id: h.id, title: h.title, highlights: h.highlights, data: h.payload, location: h.location, distanceKm: h.distanceKm }));
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
