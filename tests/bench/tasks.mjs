/// The longest main-thread tasks of a Lighthouse run, each with the last of the app's
/// start-up marks (`korea2010:*`) before it and what it spent its time on: a breakdown of
/// the blocking time, which Lighthouse itself gives only per script URL. A stage's mark is
/// left by its render's effects, which can run a task or two after the render itself, so
/// "after" places a task in the start-up rather than naming the stage it drew.
/// Durations are as observed; with `slowdown` = 4 each counts `4 × observed − 50` ms
/// towards the simulated total blocking time.
export function longestTasks(traceEvents, { slowdown = 4, limit = 6 } = {}) {
  const marks = traceEvents.filter((e) => e.cat?.includes('blink.user_timing') && e.name.startsWith('korea2010:'));
  if (marks.length === 0) return [];
  const { pid, tid } = marks[0];
  const onMain = traceEvents.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const start = traceEvents.find((e) => e.name === 'navigationStart' && e.pid === pid)?.ts ?? onMain[0].ts;
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur * slowdown / 1000 > 50);
  const kinds = {
    script: /^(FunctionCall|TimerFire|FireAnimationFrame|EvaluateScript|EventDispatch|RunMicrotasks|v8\.callFunction|v8\.run)$/,
    style: /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)$/,
    layout: /^Layout$/,
    paint: /^(Paint|PrePaint|Layerize|UpdateLayer|Commit|PaintImage)$/,
    compile: /^(v8\.wasm\.|wasm\.|v8\.compile|CompileScript)/,
  };
  return tasks.map((task) => {
    const end = task.ts + task.dur;
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end);
    const spent = Object.fromEntries(Object.entries(kinds).map(([kind, re]) => {
      // Only the outermost event of each kind, so nested ones are not counted twice.
      const own = inside.filter((e) => re.test(e.name));
      const outer = own.filter((e) => !own.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && (o.ts < e.ts || o.dur > e.dur)));
      return [kind, outer.reduce((sum, e) => sum + e.dur, 0) / 1000];
    }));
    const after = marks.filter((m) => m.ts <= task.ts).at(-1)?.name.replace('korea2010:', '') ?? 'before the app';
    return { at: (task.ts - start) / 1000, observed: task.dur / 1000, blocking: Math.max(0, task.dur * slowdown / 1000 - 50), after, spent };
  }).sort((a, b) => b.blocking - a.blocking).slice(0, limit);
}
