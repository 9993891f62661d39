/** What happens to a person's data: everything stays on this device. */
export function PrivacyPanel() {
  return (
    <section className="panel privacy-panel" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">What stays on this device</h2>
      <p>Everything you give this app stays on this device:</p>
      <ul>
        <li>your answers to the questions below, your age and your risk level;</li>
        <li>your goals, in your own words: the model reads them here, in your browser;</li>
        <li>the products you open, save, compare, apply for or dismiss;</li>
        <li>your searches, and the recommendations worked out from all of this.</li>
      </ul>
      <p>
        Nothing is sent anywhere. The only downloads are the app&apos;s own model files and product catalog, from this
        site.
      </p>
    </section>
  );
}
