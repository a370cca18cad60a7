using ClassVisCloud.RunGenerator.Simulation;

namespace ClassVisCloud.RunGenerator.Tests.Simulation;

public class PrimarySiteCatalogTests
{
    [Fact]
    public void The_first_classes_are_the_papers_primary_sites()
    {
        Assert.Equal(["C34.9", "C50.4", "C50.8", "C50.9", "C18.7", "C61"], PrimarySiteCatalog.Take(6).Select(s => s.Code));
    }

    [Theory]
    [InlineData(70)]
    [InlineData(PrimarySiteCatalog.MaxClasses)]
    public void Any_number_of_classes_gets_distinct_codes_the_same_every_time(int count)
    {
        var sites = PrimarySiteCatalog.Take(count);
        Assert.Equal(count, sites.Select(s => s.Code).Distinct().Count());
        Assert.All(sites, s => Assert.Matches(@"^C\d\d(\.\d)?$", s.Code));
        Assert.Equal(sites.Select(s => s.Code), PrimarySiteCatalog.Take(count).Select(s => s.Code));
        Assert.Equal(count, sites.Select(s => string.Join(' ', s.TellingWords)).Distinct().Count());
    }

    [Fact]
    public void Telling_words_appear_in_the_site_phrase()
    {
        foreach (var site in PrimarySiteCatalog.Take(200))
            Assert.All(site.TellingWords, word => Assert.Contains(word, site.SitePhrase.Split(' ')));
    }

    [Fact]
    public void Out_of_range_counts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PrimarySiteCatalog.Take(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrimarySiteCatalog.Take(PrimarySiteCatalog.MaxClasses + 1));
    }
}
