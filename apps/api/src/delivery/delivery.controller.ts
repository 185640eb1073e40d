import { Body, Controller, Get, HttpCode, HttpException, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiFileResponse } from '../openapi/schema';
import { AcknowledgementView, DeliveryCreatedView, DeliveryListView, RevokedView } from './delivery.view';
import type { Request, Response } from 'express';
import { Actor, Authenticated, CurrentUser, Public } from '@custodian/auth';
import { ContentStore } from '@custodian/storage';
import { CaseAccess } from '../cases/case-access.service';
import { AcknowledgeDeliveryDto, CreateDeliveryDto } from './delivery.dto';
import { PublicDeliveryRateLimit, sourceOf } from './public-delivery-guard';
import { DeliveryService } from './delivery.service';

const STAFF = ['clerk', 'attorney', 'director', 'auditor', 'admin'] as const;

/** Recording deliveries and issuing secure links: the clerk or director who hands the file over. */
@ApiTags('delivery')
@Controller('api/cases/:id/deliveries')
export class DeliveryController {
  constructor(
    private readonly deliveries: DeliveryService,
    private readonly access: CaseAccess,
  ) {}

  @Post()
  @Authenticated('clerk', 'director', 'admin')
  @ApiCreatedResponse({ type: DeliveryCreatedView })
  async create(@Param('id', ParseUUIDPipe) caseId: string, @Body() body: CreateDeliveryDto, @CurrentUser() actor: Actor): Promise<DeliveryCreatedView> {
    await this.access.load(actor, caseId);
    return this.deliveries.create(caseId, body, actor);
  }

  @Get()
  @Authenticated(...STAFF)
  @ApiOkResponse({ type: DeliveryListView })
  async list(@Param('id', ParseUUIDPipe) caseId: string, @CurrentUser() actor: Actor): Promise<DeliveryListView> {
    await this.access.load(actor, caseId);
    return this.deliveries.list(caseId);
  }

  /** Revokes a secure link at once; downloads already made stay recorded. */
  @Post(':deliveryId/revoke')
  @HttpCode(200)
  @Authenticated('clerk', 'director', 'admin')
  @ApiOkResponse({ type: RevokedView })
  async revoke(@Param('id', ParseUUIDPipe) caseId: string, @Param('deliveryId', ParseUUIDPipe) deliveryId: string, @CurrentUser() actor: Actor): Promise<RevokedView> {
    await this.access.load(actor, caseId);
    return this.deliveries.revoke(caseId, deliveryId, actor);
  }
}

/**
 * The requester's download through a secure link, and their acknowledgement of what they received: the only public
 * routes that touch a file. The token in the path is the whole credential (single purpose: this one file); anything
 * but a valid token is 404; refusals are audited per address, reason and link in windows (a flood is one event and a
 * count), and each address may make PUBLIC_DELIVERY_MAX_REQUESTS_PER_ADDRESS requests a window (429 past it).
 */
@ApiTags('delivery')
@Controller('api/public/deliveries')
@UseGuards(PublicDeliveryRateLimit)
@ApiTooManyRequestsResponse({ description: 'Too many requests to secure links from this address (Retry-After)' })
export class PublicDeliveryController {
  constructor(
    private readonly deliveries: DeliveryService,
    private readonly store: ContentStore,
  ) {}

  @Get(':token')
  @Public()
  @ApiFileResponse('The delivered PDF (the link counts the download)', 'application/pdf')
  async download(@Param('token') token: string, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    // Express answers HEAD with the GET handler: a HEAD (a mail scanner's or a browser's preview) must not use up a
    // download and mark the production delivered.
    if (request.method !== 'GET') {
      response.setHeader('Allow', 'GET');
      throw new HttpException({ statusCode: 405, error: 'Method Not Allowed', message: 'Download the file with GET' }, 405);
    }
    const file = await this.deliveries.download(token, sourceOf(request));
    response.setHeader('X-Content-SHA256', file.sha256);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Referrer-Policy', 'no-referrer');
    // DeliveryService.download authenticated the whole file before counting the download.
    return new StreamableFile(this.store.open(file.sha256), { type: 'application/pdf', disposition: `attachment; filename="${file.filename}"`, length: file.bytes ?? undefined });
  }

  /**
   * The recipient acknowledges the file they downloaded by its SHA-256 (the download's X-Content-SHA256). The
   * download met the deadline already; this records that the recipient confirms what they got (decision 0110).
   */
  @Post(':token/acknowledgement')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: AcknowledgementView })
  @ApiNotFoundResponse({ description: 'Unknown, malformed, revoked or expired link' })
  @ApiConflictResponse({ description: 'Nothing has been downloaded through this link yet' })
  @ApiUnprocessableEntityResponse({ description: 'sha256 is not the delivered file\'s' })
  acknowledge(@Param('token') token: string, @Body() body: AcknowledgeDeliveryDto, @Req() request: Request): Promise<AcknowledgementView> {
    return this.deliveries.acknowledge(token, body.sha256, sourceOf(request));
  }
}
