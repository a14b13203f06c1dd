/// Folder names of campaign pages (`campaigns/NAME/index.html`): the general path-safe encoding.
typealias CampaignFolders = PathSafeNames
