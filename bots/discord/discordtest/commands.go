package discordtest

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// slashName is Discord's rule for chat-input command and option names; they
// must also be lowercase where the script has case.
var slashName = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

// commandInput is one command of a bulk overwrite. Permissions come as a
// string from discordgo but Discord also takes a number.
type commandInput struct {
	ApplicationCommand
	DefaultMemberPermissions json.RawMessage `json:"default_member_permissions"`
}

// Commands returns the commands registered for a guild, or the global ones
// for "", in the order the bot sent them.
func (s *Server) Commands(guildID string) []ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.commands[guildID])
}

// commandScopeLocked checks the app and guild of a commands route.
func (s *Server) commandScopeLocked(r *http.Request) (string, *apiError) {
	if r.PathValue("app") != s.bot.ID {
		return "", errMissingAccess()
	}
	guildID := r.PathValue("guild")
	if guildID != "" && s.guilds[guildID] == nil {
		return "", errMissingAccess() // the bot is not in that guild
	}
	return guildID, nil
}

func (s *Server) getCommands(r *http.Request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	scope, apiErr := s.commandScopeLocked(r)
	if apiErr != nil {
		return nil, apiErr
	}
	return append([]ApplicationCommand{}, s.commands[scope]...), nil
}

func (s *Server) putCommands(r *http.Request) (any, *apiError) {
	var in []commandInput
	if _, apiErr := decodeBody(r, &in); apiErr != nil {
		return nil, apiErr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	scope, apiErr := s.commandScopeLocked(r)
	if apiErr != nil {
		return nil, apiErr
	}
	f := formErrors{}
	cmds := make([]ApplicationCommand, len(in))
	for i, c := range in {
		cmd := c.ApplicationCommand
		cmd.DefaultMemberPermissions = permString(f, strconv.Itoa(i)+".default_member_permissions", c.DefaultMemberPermissions)
		if cmd.Type == 0 {
			cmd.Type = CommandChatInput
		}
		checkCommand(f, strconv.Itoa(i), cmd)
		cmds[i] = cmd
	}
	checkDuplicates(f, cmds)
	if apiErr := f.err(); apiErr != nil {
		return nil, apiErr
	}
	old := s.commands[scope]
	for i := range cmds {
		cmds[i].ApplicationID = s.bot.ID
		cmds[i].GuildID = scope
		cmds[i].ID = NewID()
		// Discord keeps a command's id across overwrites when its name and
		// type stay: bots may have stored it.
		for _, o := range old {
			if o.Name == cmds[i].Name && o.Type == cmds[i].Type {
				cmds[i].ID = o.ID
			}
		}
		cmds[i].Version = NewID()
	}
	s.commands[scope] = cmds
	s.notifyLocked()
	return slices.Clone(cmds), nil
}

// permString reads default_member_permissions: a decimal string, a number or
// null.
func permString(f formErrors, path string, raw json.RawMessage) *string {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var str string
	if json.Unmarshal(raw, &str) != nil {
		str = string(raw)
	}
	if _, err := strconv.ParseUint(str, 10, 64); err != nil {
		f.add(path, "NUMBER_TYPE_COERCE", "Value \""+str+"\" is not int.")
		return nil
	}
	return &str
}

func checkCommand(f formErrors, p string, c ApplicationCommand) {
	switch c.Type {
	case CommandChatInput:
		checkSlashName(f, p+".name", c.Name)
		checkDescription(f, p+".description", c.Description)
		for loc, name := range c.NameLocalizations {
			checkSlashName(f, p+".name_localizations."+loc, name)
		}
		for loc, d := range c.DescriptionLocalizations {
			checkDescription(f, p+".description_localizations."+loc, d)
		}
		checkOptions(f, p+".options", c.Options, 0)
	case CommandUser, CommandMessage:
		if n := chars(c.Name); n < 1 || n > 32 {
			f.add(p+".name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.")
		}
		if c.Description != "" {
			f.add(p+".description", "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION", "Context menu commands cannot have a description")
		}
		if len(c.Options) > 0 {
			f.add(p+".options", "APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED", "Context menu commands cannot have options")
		}
	default:
		f.add(p+".type", "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3).")
	}
	for j, ctx := range c.Contexts {
		if ctx < ContextGuild || ctx > ContextPrivateChannel {
			f.add(p+".contexts."+strconv.Itoa(j), "BASE_TYPE_CHOICES", "Value must be one of (0, 1, 2).")
		}
	}
	for j, it := range c.IntegrationTypes {
		if it != 0 && it != 1 {
			f.add(p+".integration_types."+strconv.Itoa(j), "BASE_TYPE_CHOICES", "Value must be one of (0, 1).")
		}
	}
}

func checkSlashName(f formErrors, path, name string) {
	if !slashName.MatchString(name) || strings.ToLower(name) != name {
		f.add(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
	}
}

func checkDescription(f formErrors, path, d string) {
	if n := chars(d); n < 1 || n > 100 {
		f.add(path, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
	}
}

// checkOptions validates options, depth 0 for the command's own: at most 25,
// unique names, required before optional, subcommand groups holding
// subcommands and subcommands holding plain options, choices only on
// string, integer and number options, channel types only on channel options.
func checkOptions(f formErrors, path string, opts []CommandOption, depth int) {
	if len(opts) > 25 {
		f.add(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
	}
	seen := map[string]bool{}
	optional := false
	for i, o := range opts {
		p := path + "." + strconv.Itoa(i)
		checkSlashName(f, p+".name", o.Name)
		checkDescription(f, p+".description", o.Description)
		if seen[o.Name] {
			f.add(p+".name", "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS", "Option names must be unique")
		}
		seen[o.Name] = true
		if o.Required && optional {
			f.add(p+".required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options")
		}
		optional = optional || !o.Required
		switch {
		case o.Type < OptionSubcommand || o.Type > OptionAttachment:
			f.add(p+".type", "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).")
		case o.Type == OptionSubcommandGroup && depth > 0, o.Type == OptionSubcommand && depth > 1:
			f.add(p+".type", "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Subcommands cannot be nested here")
		case o.Type == OptionSubcommandGroup:
			for j, sub := range o.Options {
				if sub.Type != OptionSubcommand {
					f.add(p+".options."+strconv.Itoa(j)+".type", "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "A subcommand group holds subcommands")
				}
			}
			checkOptions(f, p+".options", o.Options, depth+1)
		case o.Type == OptionSubcommand:
			checkOptions(f, p+".options", o.Options, 2)
		}
		if len(o.Choices) > 0 && o.Type != OptionString && o.Type != OptionInteger && o.Type != OptionNumber {
			f.add(p+".choices", "APPLICATION_COMMAND_OPTION_CHOICES_NOT_ALLOWED", "Choices are only allowed on string, integer and number options")
		}
		if len(o.Choices) > 25 {
			f.add(p+".choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
		}
		for j, c := range o.Choices {
			if n := chars(c.Name); n < 1 || n > 100 {
				f.add(p+".choices."+strconv.Itoa(j)+".name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
			}
		}
		if len(o.ChannelTypes) > 0 && o.Type != OptionChannel {
			f.add(p+".channel_types", "APPLICATION_COMMAND_OPTION_CHANNEL_TYPES_NOT_ALLOWED", "Channel types are only allowed on channel options")
		}
		if o.Type != OptionSubcommand && o.Type != OptionSubcommandGroup && len(o.Options) > 0 {
			f.add(p+".options", "APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED", "Only subcommands and groups have options")
		}
	}
}

// checkDuplicates refuses two commands of the same type and name, and more
// commands of a type than Discord allows (100 chat input, 15 user, 15
// message).
func checkDuplicates(f formErrors, cmds []ApplicationCommand) {
	seen := map[string]bool{}
	count := map[int]int{}
	for i, c := range cmds {
		key := strconv.Itoa(c.Type) + "/" + c.Name
		if seen[key] {
			f.add(strconv.Itoa(i)+".name", "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique")
		}
		seen[key] = true
		count[c.Type]++
	}
	if count[CommandChatInput] > 100 || count[CommandUser] > 15 || count[CommandMessage] > 15 {
		f.add("_", "APPLICATION_COMMAND_TOO_MANY", "Maximum number of application commands reached")
	}
}
