package discordtest

// Interaction types.
const (
	InteractionApplicationCommand = 2
	InteractionMessageComponent   = 3
	InteractionAutocomplete       = 4
	InteractionModalSubmit        = 5
)

// Application command types.
const (
	CommandChatInput = 1
	CommandUser      = 2
	CommandMessage   = 3
)

// Interaction contexts: where an interaction happened.
const (
	ContextGuild          = 0
	ContextBotDM          = 1
	ContextPrivateChannel = 2
)

// Installation kinds, the keys of AuthorizingIntegrationOwners.
const (
	GuildInstall = "0"
	UserInstall  = "1"
)

// Command option types.
const (
	OptionSubcommand      = 1
	OptionSubcommandGroup = 2
	OptionString          = 3
	OptionInteger         = 4
	OptionBoolean         = 5
	OptionUser            = 6
	OptionChannel         = 7
	OptionRole            = 8
	OptionMentionable     = 9
	OptionNumber          = 10
	OptionAttachment      = 11
)

// Interaction is an INTERACTION_CREATE payload. In a guild Member is set, in
// DMs and private channels User is.
type Interaction struct {
	ID             string           `json:"id"`
	ApplicationID  string           `json:"application_id"`
	Type           int              `json:"type"`
	Data           *InteractionData `json:"data,omitempty"`
	GuildID        string           `json:"guild_id,omitempty"`
	ChannelID      string           `json:"channel_id,omitempty"`
	Channel        *Channel         `json:"channel,omitempty"`
	Member         *Member          `json:"member,omitempty"`
	User           *User            `json:"user,omitempty"`
	Token          string           `json:"token"`
	Version        int              `json:"version"`
	Message        *Message         `json:"message,omitempty"`
	AppPermissions string           `json:"app_permissions"`
	Locale         string           `json:"locale,omitempty"`
	GuildLocale    string           `json:"guild_locale,omitempty"`
	Context        int              `json:"context"`
	// AuthorizingIntegrationOwners maps an installation kind (GuildInstall,
	// UserInstall) to the guild or user that installed the app ("0" for a
	// guild install used in the bot's DM).
	AuthorizingIntegrationOwners map[string]string `json:"authorizing_integration_owners"`
	Entitlements                 []any             `json:"entitlements"`
}

// InteractionData is the data of an interaction: a command (Name, Type,
// Options, TargetID, Resolved), a component press (CustomID, ComponentType,
// Values) or a modal submission (CustomID, Components).
type InteractionData struct {
	ID            string      `json:"id,omitempty"`
	Name          string      `json:"name,omitempty"`
	Type          int         `json:"type,omitempty"`
	GuildID       string      `json:"guild_id,omitempty"`
	Options       []Option    `json:"options,omitempty"`
	Resolved      *Resolved   `json:"resolved,omitempty"`
	TargetID      string      `json:"target_id,omitempty"`
	CustomID      string      `json:"custom_id,omitempty"`
	ComponentType int         `json:"component_type,omitempty"`
	Values        []string    `json:"values,omitempty"`
	Components    []Component `json:"components,omitempty"`
}

// Option is a slash command option as the user filled it in.
type Option struct {
	Name    string   `json:"name"`
	Type    int      `json:"type"`
	Value   any      `json:"value,omitempty"`
	Options []Option `json:"options,omitempty"`
	Focused bool     `json:"focused,omitempty"`
}

// Resolved holds the objects an interaction's options or target point at.
type Resolved struct {
	Users    map[string]User    `json:"users,omitempty"`
	Members  map[string]Member  `json:"members,omitempty"`
	Roles    map[string]Role    `json:"roles,omitempty"`
	Channels map[string]Channel `json:"channels,omitempty"`
	Messages map[string]Message `json:"messages,omitempty"`
}

// ApplicationCommand is a registered command, as the bot sent it in a bulk
// overwrite plus the fields Discord fills in (ID, ApplicationID, GuildID,
// Version).
type ApplicationCommand struct {
	ID                       string            `json:"id"`
	ApplicationID            string            `json:"application_id"`
	GuildID                  string            `json:"guild_id,omitempty"`
	Version                  string            `json:"version"`
	Type                     int               `json:"type"`
	Name                     string            `json:"name"`
	NameLocalizations        map[string]string `json:"name_localizations,omitempty"`
	Description              string            `json:"description"`
	DescriptionLocalizations map[string]string `json:"description_localizations,omitempty"`
	Options                  []CommandOption   `json:"options,omitempty"`
	// DefaultMemberPermissions is nil when everyone may use the command;
	// "0" limits it to administrators.
	DefaultMemberPermissions *string `json:"default_member_permissions,omitempty"`
	DMPermission             *bool   `json:"dm_permission,omitempty"`
	Contexts                 []int   `json:"contexts,omitempty"`
	IntegrationTypes         []int   `json:"integration_types,omitempty"`
	NSFW                     bool    `json:"nsfw,omitempty"`
}

// CommandOption is a declared option of a slash command (nested for
// subcommands and groups).
type CommandOption struct {
	Type                     int               `json:"type"`
	Name                     string            `json:"name"`
	NameLocalizations        map[string]string `json:"name_localizations,omitempty"`
	Description              string            `json:"description"`
	DescriptionLocalizations map[string]string `json:"description_localizations,omitempty"`
	Required                 bool              `json:"required,omitempty"`
	Choices                  []Choice          `json:"choices,omitempty"`
	ChannelTypes             []int             `json:"channel_types,omitempty"`
	Options                  []CommandOption   `json:"options,omitempty"`
	Autocomplete             bool              `json:"autocomplete,omitempty"`
	MinValue                 *float64          `json:"min_value,omitempty"`
	MaxValue                 *float64          `json:"max_value,omitempty"`
	MinLength                *int              `json:"min_length,omitempty"`
	MaxLength                *int              `json:"max_length,omitempty"`
}

// Choice is one fixed choice of a string, integer or number option.
type Choice struct {
	Name              string            `json:"name"`
	NameLocalizations map[string]string `json:"name_localizations,omitempty"`
	Value             any               `json:"value"`
}
