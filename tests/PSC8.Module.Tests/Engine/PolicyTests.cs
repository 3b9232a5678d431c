using PSC8.Client.Errors;
using PSC8.Engine;

namespace PSC8.Module.Tests.Engine;

public sealed class PolicyTests
{
    [Theory]
    [InlineData(false, false, false, false)]
    [InlineData(true, false, false, true)]
    [InlineData(true, true, false, false)]
    [InlineData(true, false, true, false)]
    [InlineData(false, true, true, false)]
    public void Force_skips_ShouldProcess_only_without_Confirm_and_WhatIf(bool force, bool confirm, bool whatIf, bool skips) =>
        Assert.Equal(skips, ConfirmationPolicy.SkipsShouldProcess(force, confirm, whatIf));

    [Fact]
    public void Progress_waits_before_reporting_then_throttles_and_asks_for_completion()
    {
        var now = TimeSpan.Zero;
        var throttle = new ProgressThrottle(() => now, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(250));

        Assert.False(throttle.ShouldReport());
        Assert.False(throttle.NeedsCompletion);
        now = TimeSpan.FromMilliseconds(600);
        Assert.True(throttle.ShouldReport());
        Assert.True(throttle.NeedsCompletion);
        now = TimeSpan.FromMilliseconds(700);
        Assert.False(throttle.ShouldReport());
        now = TimeSpan.FromMilliseconds(900);
        Assert.True(throttle.ShouldReport());
    }

    [Theory]
    [InlineData(5, null, -1)]
    [InlineData(5, 0L, -1)]
    [InlineData(5, 10L, 50)]
    [InlineData(12, 10L, 100)]
    public void Progress_percent_is_unknown_without_a_total(long done, long? total, int percent) =>
        Assert.Equal(percent, ProgressThrottle.Percent(done, total));

    [Fact]
    public void Name_filter_matches_wildcards_case_insensitively_and_reports_missing_literal_names()
    {
        var names = new[] { "tmp_a", "TMP_b", "accounts" };

        var found = NameFilter<string>.Apply(names, new[] { "tmp*", "accounts", "missing", "nomatch*" }, n => n);

        Assert.Equal(new[] { "tmp_a", "TMP_b", "accounts" }, found.Matches);
        Assert.Equal(new[] { "missing" }, found.Missing);
    }

    [Fact]
    public void Name_filter_without_patterns_keeps_everything()
    {
        var found = NameFilter<string>.Apply(new[] { "a", "b" }, null, n => n);
        Assert.Equal(new[] { "a", "b" }, found.Matches);
        Assert.Empty(found.Missing);
    }

    [Fact]
    public void Unknown_failures_are_not_reported_as_records_but_module_failures_are()
    {
        Assert.True(C8ErrorInfo.IsReportable(new ArgumentException("x")));
        Assert.True(C8ErrorInfo.IsReportable(C8CommandException.NotConnected()));
        Assert.False(C8ErrorInfo.IsReportable(new NullReferenceException()));
    }

    [Fact]
    public void Not_connected_is_terminating_and_names_Connect_C8()
    {
        var ex = C8CommandException.NotConnected();
        var info = C8ErrorInfo.From(ex);

        Assert.Equal("C8.NotConnected", info.ErrorId);
        Assert.Equal(C8ErrorMapping.Categories.ConnectionError, info.Category);
        Assert.True(info.Terminating);
        Assert.Contains("Connect-C8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Argument_failures_are_per_item_invalid_arguments()
    {
        var info = C8ErrorInfo.From(new ArgumentException("bad"));
        Assert.Equal("C8.InvalidArgument", info.ErrorId);
        Assert.Equal(C8ErrorMapping.Categories.InvalidArgument, info.Category);
        Assert.False(info.Terminating);
    }

    [Theory]
    [InlineData(401, 11, "C8.AuthenticationFailed", "SecurityError", true)]
    [InlineData(403, 11, "C8.AccessDenied", "PermissionDenied", false)]
    [InlineData(404, 1203, "C8.CollectionNotFound", "ObjectNotFound", false)]
    [InlineData(409, 1207, "C8.DuplicateName", "ResourceExists", false)]
    [InlineData(400, 10, "C8.BadParameter", "InvalidArgument", false)]
    [InlineData(429, null, "C8.RateLimited", "ResourceUnavailable", false)]
    [InlineData(503, null, "C8.ServiceUnavailable", "ResourceUnavailable", false)]
    [InlineData(0, null, "C8.ConnectionFailed", "ConnectionError", true)]
    public void Server_failures_keep_the_client_id_and_stop_only_when_nothing_can_work(int status, int? errorNum, string id, string category, bool terminating)
    {
        var info = C8ErrorInfo.From(new PSC8.Client.C8ApiException(status, errorNum, "message", "GET", "/x"));
        Assert.Equal(id, info.ErrorId);
        Assert.Equal(category, info.Category);
        Assert.Equal(terminating, info.Terminating);
    }
}
