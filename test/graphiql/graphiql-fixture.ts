import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { graphiqlRouter } from '../../src/server/graphiql/graphiql.handler.js';

/** What the fixture's server saw, to check what really crossed the wire. */
export interface FixtureLog {
  /** `x-trawl-test` header of each HTTP GraphQL request (undefined when absent). */
  httpTestHeaders: (string | undefined)[];
  /** `connectionParams` of each graphql-ws connection. */
  wsConnectionParams: unknown[];
  /** Query text of each graphql-ws subscribe. */
  wsOperations: string[];
}

export interface GraphiqlFixture {
  baseUrl: string;
  log: FixtureLog;
  close(): Promise<void>;
}

async function* countdown(from: number, delayMs: number): AsyncGenerator<number> {
  for (let n = from; n >= 0; n -= 1) {
    await sleep(delayMs);
    yield n;
  }
}

function testSchema(tickMs: number): GraphQLSchema {
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: { hello: { type: GraphQLString, resolve: () => 'world' } },
    }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        countdown: {
          type: GraphQLInt,
          args: { from: { type: new GraphQLNonNull(GraphQLInt) } },
          subscribe: (_root: unknown, args: { from: number }) => countdown(args.from, tickMs),
          resolve: (value: unknown) => value,
        },
      },
    }),
  });
}

/**
 * A small real API like trawl's: express 5 + Apollo (landing page disabled)
 * and graphql-ws on the same `/graphql` path, GraphiQL router mounted first.
 */
export async function startGraphiqlFixture(tickMs = 100): Promise<GraphiqlFixture> {
  const schema = testSchema(tickMs);
  const log: FixtureLog = { httpTestHeaders: [], wsConnectionParams: [], wsOperations: [] };
  const app = express();
  const httpServer = createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer({
    schema,
    onConnect: (ctx) => { log.wsConnectionParams.push(ctx.connectionParams); },
    onSubscribe: (_ctx, _id, payload) => { log.wsOperations.push(payload.query); },
  }, wsServer);
  const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginLandingPageDisabled()] });
  await apollo.start();

  app.use(graphiqlRouter({ endpoint: '/graphql', title: 'trawl GraphiQL (test)' }));
  app.use('/graphql', (req, _res, next) => {
    log.httpTestHeaders.push(req.get('x-trawl-test'));
    next();
  }, express.json(), expressMiddleware(apollo));

  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    log,
    close: async () => {
      await Promise.allSettled([wsCleanup.dispose(), apollo.stop()]);
      for (const client of wsServer.clients) client.terminate();
      wsServer.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
