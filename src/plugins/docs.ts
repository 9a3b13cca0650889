// OpenAPI generated from the routes' zod schemas, browsable at /docs.
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export const docsPlugin = fp(
  async (app, { version }: { version: string }) => {
    await app.register(fastifySwagger, {
      openapi: {
        info: {
          title: 'par-survey',
          description: 'Điều tra xã hội học xác định Chỉ số CCHC (PAR INDEX): danh sách, gửi phiếu, tiến độ, giám sát can thiệp, điểm số.',
          version,
        },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
            cookie: { type: 'apiKey', in: 'cookie', name: 'par_session' },
          },
        },
        security: [{ bearer: [] }, { cookie: [] }],
      },
      transform: jsonSchemaTransform,
    });
    await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
  },
  { name: 'docs' },
);
