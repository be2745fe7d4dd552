// Swagger UI over the API schema. Requests made with "Try it out" carry the session's CSRF token.
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  if (!root || !window.SwaggerUIBundle) return;
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  // Swagger UI's own layout puts its operations in a second <main> inside the page's, under a second <h1> (the
  // schema's title, which the page's own header already gives): this one is the same parts in a plain <div>
  // under the page's "Operations" heading, so the page keeps one main landmark and its headings in order.
  function siteLayout(system) {
    var h = system.React.createElement;
    return {
      components: {
        SiteLayout: function (props) {
          var get = props.getComponent;
          var spec = props.specSelectors;
          if (spec.loadingStatus() !== "success") return h(get("BaseLayout", true));
          var Row = get("Row");
          var Col = get("Col");
          var servers = spec.servers();
          return h(
            "div",
            { className: "swagger-ui" },
            h(get("SvgAssets")),
            h(get("errors", true)),
            (servers && servers.size) || spec.securityDefinitions()
              ? h(
                  "div",
                  { className: "scheme-container" },
                  h(
                    Col,
                    { className: "schemes wrapper", mobile: 12 },
                    servers && servers.size ? h(get("ServersContainer", true)) : null,
                    spec.securityDefinitions() ? h(get("AuthorizeBtnContainer", true)) : null
                  )
                )
              : null,
            h(get("FilterContainer", true)),
            h(
              "div",
              { id: "operations" },
              h(Row, null, h(Col, { mobile: 12, desktop: 12 }, h(get("operations", true)))),
              h(Row, null, h(Col, { mobile: 12, desktop: 12 }, h(get("Models", true))))
            )
          );
        },
      },
    };
  }

  window.SwaggerUIBundle({
    url: root.dataset.schemaUrl,
    domNode: root,
    // Without deep links, an operation's toggle holds no link of its own (a link inside a button is out of reach
    // of keyboards and screen readers).
    deepLinking: false,
    // Plain examples: the highlighter's colours fall short of WCAG AA contrast on its dark background.
    syntaxHighlight: false,
    plugins: [siteLayout],
    layout: "SiteLayout",
    requestInterceptor: function (request) {
      if (!/^(GET|HEAD|OPTIONS)$/i.test(request.method || "GET")) request.headers["X-CSRFToken"] = csrfToken();
      return request;
    },
  });
});
