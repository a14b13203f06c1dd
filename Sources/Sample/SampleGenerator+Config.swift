extension SampleGenerator {
    /// The config of the bundled sample; `Samples/scorecard.yml` holds the same text (a test keeps them equal).
    public static let sampleConfig = """
    # The bundled sample: `scorecard build --config Samples/scorecard.yml` (see Samples/README.md).
    # Relative paths are relative to this file.
    title: Fine Foods Scorecard
    currency: EUR
    base_url: https://intranet.example.com/scorecard/
    data: exports
    targets:
      promo_fill_rate: 0.95
      stockout_campaign_share: 0.05
      max_rejected_share: 0.01
    freight:
      emergency_service_levels: [EXPEDITED, AIR, NEXT_DAY, CHARTER]
    readiness:
      horizon_days: 28
    # The same scorecard per sales region and per brand (segments/). Each of the two warehouses allocates
    # its stock to the regions it serves (a storage location per region), so inventory has a region too.
    segments:
      region:
        label: Sales region
        orders: region
        inventory: region
      brand:
        label: Brand
        products: brand
    email:
      from: scorecard@example.com
      to:
        - marketing@example.com
        - supply-chain@example.com

    """
}
