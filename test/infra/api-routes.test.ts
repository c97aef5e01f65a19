/** The HTTP API of the api stack: one route per route-table entry, its authorizer, its function, the stage. */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.ts';
import { logicalIdOf, synthPortico } from './app.ts';

const { api, stateful, config, apiTemplate: template } = synthPortico('dev');
const resources = template.toJSON().Resources;

const routeByKey = (key: string) =>
  Object.entries(template.findResources('AWS::ApiGatewayV2::Route')).filter(
    ([, route]) => route.Properties.RouteKey === key
  );

describe('PorticoHttpApi', () => {
  it('creates exactly one route per entry of the route table', () => {
    // Prepare
    const keys = ROUTES.map((route) => `${route.method} ${route.path}`);

    // Act
    const matches = keys.map((key) => routeByKey(key).length);

    // Assess
    template.resourceCountIs('AWS::ApiGatewayV2::Route', ROUTES.length);
    expect(matches).toEqual(keys.map(() => 1));
  });

  const authorizerIdNamed = (name: string) => {
    const [id] = Object.entries(template.findResources('AWS::ApiGatewayV2::Authorizer')).find(
      ([, authorizer]) => authorizer.Properties.Name === name
    ) ?? [undefined];
    if (!id) throw new Error(`no authorizer named ${name}`);
    return id;
  };

  const jwtConfigOf = (name: string) =>
    resources[authorizerIdNamed(name)]?.Properties.JwtConfiguration ?? {};

  it('puts the staff authorizer on staff routes, the client authorizer on every other non-public route', () => {
    // Prepare
    const clientAuthorizer = authorizerIdNamed('ClientJwt');
    const staffAuthorizer = authorizerIdNamed('StaffJwt');

    // Act
    const routes = ROUTES.map((route) => ({
      route,
      props: routeByKey(`${route.method} ${route.path}`)[0]?.[1].Properties,
    }));

    // Assess
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 2);
    expect(routes.some(({ route }) => route.access.kind === 'staff')).toBe(true);
    for (const { route, props } of routes) {
      if (route.access.kind === 'public') {
        expect(props, route.id).toMatchObject({ AuthorizationType: 'NONE' });
        expect(props.AuthorizerId, route.id).toBeUndefined();
      } else {
        const expected = route.access.kind === 'staff' ? staffAuthorizer : clientAuthorizer;
        expect(props, route.id).toMatchObject({
          AuthorizationType: 'JWT',
          AuthorizerId: { Ref: expected },
        });
      }
    }
  });

  it.each([
    ['ClientJwt', 'auth', 'staffAuth'],
    ['StaffJwt', 'staffAuth', 'auth'],
  ] as const)(
    '%s accepts only tokens issued by its own pool to its own app client',
    (name, own, other) => {
      // Prepare
      const poolId = logicalIdOf(stateful[own].userPool);
      const clientId = logicalIdOf(stateful[own].client);
      const otherAuth = stateful[other];

      // Act
      const { Issuer, Audience } = jwtConfigOf(name);

      // Assess
      // The stage names its region, so the issuer's host is a literal.
      expect(Issuer['Fn::Join'][1]).toEqual([
        `https://cognito-idp.${config.aws.region}.amazonaws.com/`,
        expect.anything(),
      ]);
      expect(JSON.stringify(Issuer)).toContain(poolId);
      expect(JSON.stringify(Issuer)).not.toContain(clientId);
      expect(Audience).toHaveLength(1);
      expect(JSON.stringify(Audience)).toContain(clientId);
      expect(JSON.stringify({ Issuer, Audience })).not.toContain(logicalIdOf(otherAuth.userPool));
      expect(JSON.stringify({ Issuer, Audience })).not.toContain(logicalIdOf(otherAuth.client));
    }
  );

  it('sends each route to the function its entry names', () => {
    // Prepare
    const targetOf = (route: (typeof ROUTES)[number]) =>
      routeByKey(`${route.method} ${route.path}`)[0]?.[1].Properties.Target['Fn::Join'][1][1].Ref;

    // Act
    const wiring = ROUTES.map((route) => ({
      id: route.id,
      uri: resources[targetOf(route)]?.Properties.IntegrationUri,
    }));

    // Assess
    expect(wiring).toEqual(
      ROUTES.map((route) => ({
        id: route.id,
        uri: { 'Fn::GetAtt': [logicalIdOf(api.functions[route.function]), 'Arn'] },
      }))
    );
  });

  it('applies the stage CORS origins, default throttling and JSON access logs', () => {
    // Prepare
    const { corsAllowOrigins, throttleRateLimit, throttleBurstLimit } = config.api;

    // Act
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0];

    // Assess
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: corsAllowOrigins,
        AllowCredentials: false,
      }),
    });
    expect(stage?.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: throttleRateLimit,
        ThrottlingBurstLimit: throttleBurstLimit,
      },
    });
    expect(JSON.parse(stage?.Properties.AccessLogSettings.Format)).toHaveProperty('requestId');
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      RetentionInDays: config.logRetentionDays,
    });
  });

  it('throttles every public route at or below the stage default, and only public routes', () => {
    // Prepare
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0];
    const publicRoutes = ROUTES.filter((route) => route.access.kind === 'public');

    // Act
    const settings = stage?.Properties.RouteSettings as Record<string, Record<string, number>>;

    // Assess
    expect(Object.keys(settings).sort()).toEqual(
      publicRoutes.map((route) => `${route.method} ${route.path}`).sort()
    );
    for (const limits of Object.values(settings)) {
      expect(limits.ThrottlingRateLimit).toBeLessThanOrEqual(config.api.throttleRateLimit);
      expect(limits.ThrottlingBurstLimit).toBeLessThanOrEqual(config.api.throttleBurstLimit);
    }
  });

  it('a stranger flooding the public routes holds at most 15 % of the account’s 1,000 default instances', () => {
    // Prepare
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0];
    const settings = stage?.Properties.RouteSettings as Record<string, Record<string, number>>;
    const functionProps = (name: string) =>
      resources[logicalIdOf(api.functions[name as keyof typeof api.functions])]?.Properties;

    // Act: instances a function can hold = reserved concurrency, or at most
    // burst + rate × timeout over its public routes (each request ends by its timeout).
    const held = new Map<string, number>();
    for (const route of ROUTES.filter((r) => r.access.kind === 'public')) {
      const limits = settings[`${route.method} ${route.path}`];
      const props = functionProps(route.function);
      const bound =
        (limits?.ThrottlingBurstLimit ?? Number.POSITIVE_INFINITY) +
        (limits?.ThrottlingRateLimit ?? Number.POSITIVE_INFINITY) * props?.Timeout;
      held.set(route.function, (held.get(route.function) ?? 0) + bound);
    }
    const bounds = [...held].map(([name, bound]) =>
      Math.min(bound, functionProps(name)?.ReservedConcurrentExecutions ?? bound)
    );

    // Assess
    expect(functionProps('public')?.ReservedConcurrentExecutions).toBe(5);
    expect(bounds.reduce((sum, bound) => sum + bound, 0)).toBeLessThanOrEqual(150);
  });
});
