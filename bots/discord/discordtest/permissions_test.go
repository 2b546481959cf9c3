package discordtest_test

import (
	"strconv"
	"testing"

	"github.com/scamwarn/scamwarn/bots/discord/discordtest"
)

func TestPermissions(t *testing.T) {
	t.Parallel()
	srv := discordtest.New()
	t.Cleanup(srv.Close)
	owner, admin, mod, plain := discordtest.NewUser("owner"), discordtest.NewUser("admin"), discordtest.NewUser("mod"), discordtest.NewUser("plain")
	admins := discordtest.NewRole("admins", discordtest.PermAdministrator)
	mods := discordtest.NewRole("mods", discordtest.PermManageMessages)
	guildID := discordtest.NewID()
	hidden := discordtest.TextChannel("mods-only")
	hidden.PermissionOverwrites = []discordtest.PermissionOverwrite{
		discordtest.RoleOverwrite(guildID, 0, discordtest.PermViewChannel), // @everyone
		discordtest.RoleOverwrite(mods.ID, discordtest.PermViewChannel, 0),
		discordtest.MemberOverwrite(mod.ID, 0, discordtest.PermSendMessages),
	}
	srv.AddGuild(discordtest.Guild{ID: guildID, OwnerID: owner.ID, Roles: []discordtest.Role{admins, mods},
		Channels: []discordtest.Channel{hidden}, Members: []discordtest.Member{
			{User: &admin, Roles: []string{admins.ID}}, {User: &mod, Roles: []string{mods.ID}}, {User: &plain}}})

	everyone := discordtest.PermDefaultEveryone
	tests := []struct {
		name           string
		user           discordtest.User
		guild, channel int64
	}{
		{"the owner has everything", owner, discordtest.PermAll, discordtest.PermAll},
		{"an administrator has everything", admin, discordtest.PermAll, discordtest.PermAll},
		{"a role adds to @everyone and overwrites apply in order", mod, everyone | discordtest.PermManageMessages,
			(everyone | discordtest.PermManageMessages) &^ discordtest.PermSendMessages},
		{"@everyone loses a channel it is denied", plain, everyone, everyone &^ discordtest.PermViewChannel},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := srv.Permissions(guildID, tt.user.ID); got != strconv.FormatInt(tt.guild, 10) {
				t.Errorf("guild permissions %s, want %d", got, tt.guild)
			}
			if got := srv.ChannelPermissions(hidden.ID, tt.user.ID); got != strconv.FormatInt(tt.channel, 10) {
				t.Errorf("channel permissions %s, want %d", got, tt.channel)
			}
		})
	}
}
