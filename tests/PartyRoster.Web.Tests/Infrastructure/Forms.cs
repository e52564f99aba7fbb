using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PartyRoster.Web.Tests.Infrastructure;

/// <summary>
/// Posts forms the way a browser does: GET the page, read the form's fields (the antiforgery
/// token comes along), override some, POST to the form's action with the same cookies.
/// </summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}. {Excerpt(html)}");
        return await Parser.ParseDocumentAsync(html);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Submits the form matched by <paramref name="formSelector"/> on <paramref name="pageUrl"/>.
    /// <paramref name="submitName"/> picks a named submit button (e.g. "handler" value), as a click would.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl,
        IDictionary<string, string?> values, string formSelector = "form[method=post]:not(.no-test)", string? submitButtonSelector = null)
    {
        var document = await GetDocumentAsync(client, pageUrl);
        var form = document.QuerySelectorAll(formSelector).OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.Action is null || !f.Action.EndsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        return await SubmitAsync(client, pageUrl, form, values, submitButtonSelector);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, IHtmlFormElement form,
        IDictionary<string, string?> values, string? submitButtonSelector = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "submit" or "button" or "image" or "file") break;
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked) break;
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    fields.Add(new(select.Name!, selected?.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
            }
        }

        foreach (var (key, value) in values)
        {
            fields.RemoveAll(f => f.Key == key);
            if (value is not null) fields.Add(new(key, value));
        }

        if (submitButtonSelector is not null)
        {
            var button = form.QuerySelector(submitButtonSelector) as IHtmlButtonElement
                ?? throw new InvalidOperationException($"No button '{submitButtonSelector}' in the form.");
            if (!string.IsNullOrEmpty(button.Name)) fields.Add(new(button.Name!, button.Value));
            if (!string.IsNullOrEmpty(button.GetAttribute("formaction")))
                return await client.PostAsync(button.GetAttribute("formaction"), new FormUrlEncodedContent(fields));
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static async Task LoginAsync(HttpClient client, string email, string password)
    {
        var response = await PostFormAsync(client, "/Account/Login", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Login as {email} failed: {(int)response.StatusCode}");
    }

    /// <summary>The texts of validation messages shown on a page (summary and per field).</summary>
    public static IReadOnlyList<string> Errors(IHtmlDocument document) =>
        document.QuerySelectorAll(".validation-summary-errors li, .field-validation-error, .alert-danger")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();

    private static string Excerpt(string html) => html.Length > 600 ? html[..600] : html;
}
