/** Small hand-written news pages with the furniture real pages carry. */

export const PARAGRAPHS = [
  "The city council approved a new budget for public transport on Tuesday, after a debate that lasted most of the evening.",
  "The plan adds forty electric buses to the fleet by 2026 and extends night service on six routes, the council said in a statement.",
  "Opposition members argued that fares would rise to pay for it. The mayor said ticket prices would stay frozen until the end of next year.",
  "Commuters' groups welcomed the vote but asked for more frequent trains on the northern line, which they called the most crowded in the region.",
  "The first new buses are expected on the streets in the spring, once drivers have been trained to use them.",
];

const paragraphs = PARAGRAPHS.map((text) => `<p>${text}</p>`).join("\n");

export const FURNITURE = [
  "Skip to content",
  "Accept all cookies",
  "Share on Facebook",
  "Council rejects parking plan",
  "Leave a comment",
  "Great article, thanks!",
  "Sign up for our newsletter",
  "All rights reserved",
];

const NEWS_ARTICLE_LD = JSON.stringify({
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  headline: "Council approves transport budget",
  datePublished: "2024-03-05T18:30:00+01:00",
  dateModified: "2024-03-06T09:00:00+01:00",
  author: [
    { "@type": "Person", name: "Anna Smit" },
    { "@type": "Person", name: "Piet de Vries" },
  ],
  publisher: { "@type": "Organization", name: "The Example Courier" },
  inLanguage: "en",
});

/** A news page with every kind of furniture, and JSON-LD NewsArticle metadata. */
export const NEWS_PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Council approves transport budget | The Example Courier</title>
  <link rel="canonical" href="/news/2024/03/05/council-transport-budget">
  <script type="application/ld+json">${NEWS_ARTICLE_LD}</script>
  <script>window.dataLayer = [{ page: "article" }];</script>
  <style>.cookie-banner { position: fixed; }</style>
</head>
<body>
  <a class="skip-link" href="#main">Skip to content</a>
  <div id="cookie-banner" class="cookie-banner"><p>We use cookies to improve your experience.</p><button>Accept all cookies</button></div>
  <header class="site-header"><a href="/">The Example Courier</a>
    <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li></ul></nav>
  </header>
  <main id="main">
    <article class="article">
      <h1>Council approves transport budget</h1>
      <p class="byline">By <a rel="author" href="/authors/anna-smit">Anna Smit</a> and Piet de Vries</p>
      <time datetime="2024-03-05T18:30:00+01:00">5 March 2024</time>
      <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
      <figure><img src="bus.jpg" alt=""><figcaption>An electric bus on a test drive. Photo: Example Courier</figcaption></figure>
      <div class="article-body">
${paragraphs}
      </div>
      <aside class="related"><h3>Related stories</h3><ul>
        <li><a href="/a">Council rejects parking plan</a></li><li><a href="/b">Tram line to close for repairs</a></li>
      </ul></aside>
      <div class="newsletter"><p>Sign up for our newsletter and get the news every morning.</p></div>
    </article>
    <section id="comments" class="comments"><h2>Comments</h2>
      <div class="comment"><p>Leave a comment</p><p>Great article, thanks! I have taken the bus every day for years.</p></div>
    </section>
  </main>
  <footer class="site-footer"><p>© 2024 The Example Courier. All rights reserved.</p></footer>
</body>
</html>`;

/** Metadata in OpenGraph tags only, no JSON-LD, no <article>. */
export const OPENGRAPH_PAGE = `<!DOCTYPE html>
<html lang="fr">
<head>
  <title>Le conseil vote le budget des transports - Le Courrier</title>
  <meta property="og:title" content="Le conseil vote le budget des transports">
  <meta property="og:site_name" content="Le Courrier">
  <meta property="og:url" content="https://courrier.example.fr/2024/03/05/budget">
  <meta property="article:published_time" content="2024-03-05T18:30:00+01:00">
  <meta name="author" content="Marie Dupont">
</head>
<body>
  <div id="menu"><a href="/">Accueil</a> | <a href="/politique">Politique</a></div>
  <div class="content">
    <h1>Le conseil vote le budget des transports</h1>
    <p>Le conseil municipal a approuvé mardi soir un nouveau budget pour les transports publics, après un long débat.</p>
    <p>Le plan prévoit quarante bus électriques supplémentaires d'ici 2026 et prolonge le service de nuit sur six lignes.</p>
    <p>L'opposition craint une hausse des tarifs. Le maire a promis que le prix des billets resterait gelé jusqu'à la fin de l'année prochaine.</p>
    <p>Les associations d'usagers ont salué le vote mais demandent davantage de trains sur la ligne nord, la plus chargée de la région.</p>
  </div>
  <div class="sidebar"><h3>Les plus lus</h3><ul><li><a href="/x">Un autre article sans rapport</a></li></ul></div>
</body>
</html>`;

/** A page whose body is rendered by a script: the text is only in JSON-LD articleBody, inside an @graph. */
export const JSON_LD_BODY_PAGE = `<!DOCTYPE html>
<html>
<head>
  <title>Transport budget approved</title>
  <script type="application/ld+json">${JSON.stringify({
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "WebSite", name: "Example Wire", url: "https://wire.example.com" },
      {
        "@type": ["NewsArticle"],
        headline: "Transport budget approved",
        datePublished: "2024-03-05",
        author: { "@type": "Person", name: "Jan Jansen" },
        publisher: { "@type": "NewsMediaOrganization", name: "Example Wire" },
        articleBody: PARAGRAPHS.slice(0, 3).join("\n\n"),
      },
    ],
  })}</script>
</head>
<body><div id="root"><div class="spinner">Loading…</div></div><script src="/app.js"></script></body>
</html>`;
