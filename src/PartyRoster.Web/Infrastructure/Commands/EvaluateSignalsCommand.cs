using System.Diagnostics;

namespace PartyRoster.Web.Infrastructure.Commands;

/// <summary>
/// <c>evaluate-signals</c>: runs the signal evaluation over the whole database now (the daily run, on demand),
/// prints what it found and how long it took. Used by cron where the web server's schedule is switched off,
/// and by tests/bench/signals.sh.
/// </summary>
public sealed class EvaluateSignalsCommand : ICommand
{
    public string Name => "evaluate-signals";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options)
    {
        var watch = Stopwatch.StartNew();
        var run = await services.GetRequiredService<SignalEvaluation>().EvaluateAsync(null, "Toàn bộ (dòng lệnh)", null, CancellationToken.None);
        Console.WriteLine(
            $"Đã đánh giá {Format.Number(run.MembersChecked)} đảng viên trong {watch.Elapsed.TotalSeconds.ToString("0.0", Format.Vietnamese)} giây: "
            + $"{Format.Number(run.Raised)} cảnh báo mới, {Format.Number(run.Resolved)} hết căn cứ, {Format.Number(run.OpenAfter)} đang chờ xem xét.");
        return 0;
    }
}
