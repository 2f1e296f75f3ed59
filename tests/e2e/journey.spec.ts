/** The foundation journey in Chromium, against `passeur serve`. */
import { test } from './fixtures';
import { foundationJourney } from './journeys';

test('first run, one account per role, each sees its own navigation', async ({ page, server, watch }) => {
  watch(page);
  await page.goto(server.url);
  await foundationJourney(page, async (channel, input) => {
    const res = await page.request.post(`${server.url}rpc/${channel}`, { data: input });
    return { status: res.status(), body: await res.json() };
  });
});
