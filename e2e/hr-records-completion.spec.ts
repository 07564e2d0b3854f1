import { test, expect, waitForData } from "./fixtures";
import { TrainingOverviewPage } from "./pages/training-overview-page";
import { TrainingRecordsPage } from "./pages/training-records-page";

/**
 * HR's everyday task, end to end against the production build: look at the completion rate, record
 * a completion for someone who is overdue, and see the rate, the counts and the chart follow.
 */
test("HR records a completion for an overdue employee; the rate, counts and chart change", async ({ signedInAs }) => {
  const page = await signedInAs("hr");
  const overview = new TrainingOverviewPage(page);

  await overview.goto();
  await overview.waitForCharts();
  await waitForData(page);
  const rateBefore = await overview.rateText();
  const overdueBefore = await overview.statusCount("overdue");
  const compliantBefore = await overview.statusCount("compliant");
  // The chart is one image whose accessible name carries its numbers ("…合計 149件…").
  const monthChart = overview.chart("byMonth").first().locator('[role="img"][aria-label]').first();
  const monthLabelBefore = await monthChart.getAttribute("aria-label");
  const monthBarsBefore = await overview.barShapes("byMonth");
  expect(overdueBefore).toBeGreaterThan(0);

  // Someone overdue, as the API lists them (most urgent first).
  const res = await page.request.get("/api/v1/training-status?status=overdue&pageSize=1");
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: { employee: { number: string; name: string }; course: { code: string } }[] };
  const target = items[0];
  expect(target).toBeTruthy();

  const records = new TrainingRecordsPage(page);
  await records.goto();
  await records.openForm();
  await records.recordCompletion({ courseCode: target.course.code, employeeNumber: target.employee.number, employeeName: target.employee.name, score: 100 });

  // Back on the overview: one fewer overdue, one more compliant, a new rate, a taller bar this month.
  await overview.goto();
  await overview.waitForCharts();
  await waitForData(page);
  expect(await overview.statusCount("overdue")).toBe(overdueBefore - 1);
  expect(await overview.statusCount("compliant")).toBe(compliantBefore + 1);
  expect(Number(await overview.rateText())).toBeGreaterThan(Number(rateBefore));
  await expect(monthChart).not.toHaveAttribute("aria-label", monthLabelBefore ?? "");
  expect(await overview.barShapes("byMonth")).not.toEqual(monthBarsBefore);
});
