import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CompanyOffer, SearchIndexStatus, SearchMapResponse, SearchResponse, SearchSuggestResponse } from '@maillage/contracts';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators';
import { DirectoryService } from './directory.service';
import { CompanyOfferDto } from './dto/offer.dto';
import { SearchQueryDto, SuggestQueryDto } from './dto/search.dto';
import { OffersService } from './offers.service';

@ApiTags('directory')
@Controller('search')
export class SearchController {
  constructor(private readonly directory: DirectoryService) {}

  @Public()
  @Get()
  search(@OptionalActor() actor: MaybeActor, @Query() query: SearchQueryDto): Promise<SearchResponse> {
    return this.directory.search(actor, query);
  }

  /** Every placed result of the same search (paging ignored), for the map. */
  @Public()
  @Get('map')
  map(@OptionalActor() actor: MaybeActor, @Query() query: SearchQueryDto): Promise<SearchMapResponse> {
    return this.directory.map(actor, query);
  }

  /** The index's lag, pending and failing updates (platform admins). */
  @Get('status')
  status(@CurrentActor() actor: Actor): Promise<SearchIndexStatus> {
    return this.directory.status(actor);
  }

  @Public()
  @Get('suggest')
  suggest(@OptionalActor() actor: MaybeActor, @Query() query: SuggestQueryDto): Promise<SearchSuggestResponse> {
    return this.directory.suggest(actor, query.q);
  }
}

@ApiTags('directory')
@Controller('companies/:id')
export class CompanyOffersController {
  constructor(private readonly offers: OffersService) {}

  @Public()
  @Get('offers')
  list(@UuidParam('id', 'Company') id: string): Promise<CompanyOffer[]> {
    return this.offers.list(id);
  }

  @Post('offers')
  create(@CurrentActor() actor: Actor, @UuidParam('id', 'Company') id: string, @Body() dto: CompanyOfferDto): Promise<CompanyOffer> {
    return this.offers.create(actor, id, dto);
  }

  @Put('offers/:offerId')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id', 'Company') id: string,
    @UuidParam('offerId', 'Offer') offerId: string,
    @Body() dto: CompanyOfferDto,
  ): Promise<CompanyOffer> {
    return this.offers.update(actor, id, offerId, dto);
  }

  @Delete('offers/:offerId')
  @HttpCode(204)
  remove(
    @CurrentActor() actor: Actor,
    @UuidParam('id', 'Company') id: string,
    @UuidParam('offerId', 'Offer') offerId: string,
  ): Promise<void> {
    return this.offers.remove(actor, id, offerId);
  }
}
