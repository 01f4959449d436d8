import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommuneRef, NafRef } from '@maillage/contracts';
import {
  findCommune,
  findEpci,
  findNaf,
  HEADCOUNT_BANDS,
  LEGAL_FORMS,
  listDepartements,
  listRegions,
  searchCommunes,
  searchEpcis,
  searchNaf,
  type DepartementRef,
  type EpciRef,
  type RegionRef,
} from '@maillage/referentials';
import { AppException } from '../../core/errors/app-exception';
import { ListQueryDto } from '../../core/http/query.dto';
import { Public } from '../../core/auth/auth.decorators';

/** French reference data for forms: NAF rev.2, communes (INSEE), headcount bands, legal forms. */
@ApiTags('referentials')
@Public()
@Controller('referentials')
export class ReferentialsController {
  @Get('naf')
  naf(@Query() query: ListQueryDto): NafRef[] {
    return searchNaf(query.q ?? '', query.pageSize);
  }

  @Get('naf/:code')
  nafCode(@Param('code') code: string): NafRef {
    return findNaf(code) ?? this.notFound('NAF code');
  }

  @Get('communes')
  communes(@Query() query: ListQueryDto): CommuneRef[] {
    return query.q ? searchCommunes(query.q, Math.min(query.pageSize, 50)) : [];
  }

  @Get('communes/:code')
  commune(@Param('code') code: string): CommuneRef {
    return findCommune(code) ?? this.notFound('Commune');
  }

  /** All départements and régions (for pickers): about 110 and 20 entries. */
  @Get('departements')
  departements(): DepartementRef[] {
    return listDepartements();
  }

  @Get('regions')
  regions(): RegionRef[] {
    return listRegions();
  }

  @Get('epcis')
  epcis(@Query() query: ListQueryDto): EpciRef[] {
    return query.q ? searchEpcis(query.q, Math.min(query.pageSize, 50)) : [];
  }

  @Get('epcis/:code')
  epci(@Param('code') code: string): EpciRef {
    return findEpci(code) ?? this.notFound('EPCI');
  }

  @Get('headcount-bands')
  headcountBands() {
    return HEADCOUNT_BANDS;
  }

  @Get('legal-forms')
  legalForms() {
    return LEGAL_FORMS;
  }

  private notFound(what: string): never {
    throw AppException.notFound(what);
  }
}
