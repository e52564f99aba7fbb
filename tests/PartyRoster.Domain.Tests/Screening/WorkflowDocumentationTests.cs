using System.Runtime.CompilerServices;
using PartyRoster.Domain.Screening;

namespace PartyRoster.Domain.Tests.Screening;

/// <summary>docs/workflow.md carries the diagram and table generated from <see cref="ScreeningCase.Transitions"/>.</summary>
public sealed class WorkflowDocumentationTests
{
    private const string Regenerate =
        "docs/workflow.md is out of date with ScreeningCase.Transitions. Regenerate it with: " +
        "PARTYROSTER_UPDATE_DOCS=1 dotnet test tests/PartyRoster.Domain.Tests --filter \"FullyQualifiedName~WorkflowDocumentation\"";

    [Fact]
    public void WorkflowDoc_ContainsTheGeneratedDiagramAndTable()
    {
        var path = Path.Combine(SolutionDirectory(), "docs", "workflow.md");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var fresh = WorkflowDocument.Regenerate(text);
        if (Environment.GetEnvironmentVariable("PARTYROSTER_UPDATE_DOCS") == "1" && fresh != text)
        {
            File.WriteAllText(path, fresh);
            text = fresh;
        }
        Assert.True(text.Contains(WorkflowDocument.Table(), StringComparison.Ordinal), Regenerate);
        Assert.True(text.Contains(WorkflowDocument.Diagram(), StringComparison.Ordinal), Regenerate);
        Assert.True(fresh == text, Regenerate);
    }

    [Fact]
    public void GeneratedTable_HasOneLinePerTransition() =>
        Assert.Equal(ScreeningCase.Transitions.Count + 2, WorkflowDocument.Table().TrimEnd('\n').Split('\n').Length);

    /// <summary>
    /// The folder holding PartyRoster.sln: above the test binaries normally, or above this source file when the
    /// build output lives elsewhere (--artifacts-path).
    /// </summary>
    private static string SolutionDirectory([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PartyRoster.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("PartyRoster.sln not found above " + AppContext.BaseDirectory + " or " + sourceFile);
    }
}
