/**
 * The HTTP API, generated from the route table: one route per ROUTES entry,
 * integrated with the function the entry names, and a Cognito JWT authorizer
 * on every route that is not public: the staff pool's on `staff` routes, the
 * client pool's on every other one, so neither pool's tokens open the other's
 * routes. CORS, access logs and default
 * throttling come from the stage settings.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { CORS_HEADERS } from '../../functions/core/http/route.ts';
import {
  type AuthorizerKind,
  authorizerOf,
  type FunctionName,
  ROUTES,
  type RouteDefinition,
  type RouteId,
} from '../../functions/routes.ts';
import type { StageConfig } from '../config.ts';

export interface PorticoHttpApiProps {
  stage: StageConfig;
  functions: Readonly<Record<FunctionName, IFunction>>;
  userPool: IUserPool;
  client: IUserPoolClient;
  staffPool: IUserPool;
  staffClient: IUserPoolClient;
}

/** One JSON object per request; ids only, never payloads or tokens. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    loginId: '$context.authorizer.claims.sub',
    sourceIp: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
  })
);

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export class PorticoHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly routes: Readonly<Record<RouteId, HttpRoute>>;

  constructor(scope: Construct, id: string, props: PorticoHttpApiProps) {
    super(scope, id);
    const { stage } = props;
    const methods = [...new Set(ROUTES.map((route) => route.method))];

    this.api = new HttpApi(this, 'Api', {
      // Named after its stack so the console tells dev and prod apart.
      apiName: Stack.of(this).stackName,
      description: `Portico client area API (${stage.name})`,
      // The stage below carries access logs and throttling, which the default stage cannot.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: stage.api.corsAllowOrigins,
        allowMethods: methods.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...CORS_HEADERS.allow],
        exposeHeaders: [...CORS_HEADERS.expose],
        // Bearer tokens travel in a header; no cookies, so no credentials.
        allowCredentials: false,
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: stage.logRetentionDays,
      removalPolicy:
        stage.logRemovalPolicy === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: {
        rateLimit: stage.api.throttleRateLimit,
        burstLimit: stage.api.throttleBurstLimit,
      },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: ACCESS_LOG_FORMAT,
      },
    });

    // Each accepts tokens whose issuer is its pool and whose `client_id` (or `aud`) is its app client.
    const jwtAuthorizer = (id: string, pool: IUserPool, client: IUserPoolClient) =>
      new HttpJwtAuthorizer(
        id,
        `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${pool.userPoolId}`,
        { jwtAudience: [client.userPoolClientId] }
      );
    const authorizers: Record<AuthorizerKind, HttpJwtAuthorizer | undefined> = {
      none: undefined,
      client: jwtAuthorizer('ClientJwt', props.userPool, props.client),
      staff: jwtAuthorizer('StaffJwt', props.staffPool, props.staffClient),
    };

    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    const integrationFor = (name: FunctionName) => {
      let integration = integrations.get(name);
      if (!integration) {
        integration = new HttpLambdaIntegration(
          `${pascal(name)}Integration`,
          props.functions[name]
        );
        integrations.set(name, integration);
      }
      return integration;
    };

    const routes: Partial<Record<RouteId, HttpRoute>> = {};
    for (const route of ROUTES) {
      const authorizer = authorizers[authorizerOf(route.access)];
      const httpRoute = new HttpRoute(this, route.id, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: integrationFor(route.function),
        ...(authorizer && { authorizer }),
      });
      if (!authorizer) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is called before login by design (access "public" in functions/routes.ts): ${route.summary}.`,
        });
      }
      routes[route.id] = httpRoute;
    }
    this.routes = routes as Record<RouteId, HttpRoute>;

    // Routes throttled below the stage's default (public links anyone may call).
    const routeSettings = Object.fromEntries(
      (ROUTES as readonly RouteDefinition[]).flatMap((route) =>
        route.throttle
          ? [
              [
                `${route.method} ${route.path}`,
                {
                  ThrottlingRateLimit: route.throttle.rateLimit,
                  ThrottlingBurstLimit: route.throttle.burstLimit,
                },
              ],
            ]
          : []
      )
    );
    if (Object.keys(routeSettings).length > 0)
      (this.stage.node.defaultChild as CfnStage).routeSettings = routeSettings;
  }

  /** The invoke URL of the default stage. */
  get url(): string {
    return this.stage.url;
  }
}
