#!/usr/bin/perl
# Seeds a fresh Request Tracker database through RT's own Perl API, the way a helpdesk fills up: the agent and his
# queue are created, each customer's mail goes through RT's mail gateway (as rt-mailgate delivers it), and the
# agent answers as himself. Reads what to create as JSON on stdin (scripts/products/rt/seed.ts), prints the ticket
# ids as JSON on stdout. RT_SITE_CONFIG points RT at the run's database.
use strict;
use warnings;
use lib '/usr/share/request-tracker5/lib';
use Encode qw(encode);
use JSON::PP;
use RT;

RT::LoadConfig();
RT::Init();
require RT::Interface::Email;

my $input = JSON::PP->new->utf8->decode( do { local $/; <STDIN> } );

sub check {
    my ( $what, $ok, $message ) = @_;
    die "Seeding RT: $what failed: " . ( $message // 'no reason given' ) . "\n" unless $ok;
    return $ok;
}

my $agent_in = $input->{agent};
my $agent    = RT::User->new( RT->SystemUser );
check( 'the agent', $agent->Create(
    Name         => $agent_in->{name},
    EmailAddress => $agent_in->{email},
    RealName     => $agent_in->{realName},
    Password     => $agent_in->{password},
    Privileged   => 1,
) );

my $queue = RT::Queue->new( RT->SystemUser );
check( 'the queue', $queue->Create(
    Name              => $input->{queue}{name},
    CorrespondAddress => $input->{queue}{correspondAddress},
    CommentAddress    => $input->{queue}{commentAddress},
) );

# Customers write in by mail: anyone may open a ticket and follow it up, as on any public helpdesk queue.
my $everyone = RT::Group->new( RT->SystemUser );
$everyone->LoadSystemInternalGroup('Everyone');
for my $right (qw(CreateTicket ReplyToTicket)) {
    check( "granting $right", $everyone->PrincipalObj->GrantRight( Right => $right, Object => $queue ) );
}
for my $right (
    qw(SeeQueue ShowTicket ShowTicketComments ShowOutgoingEmail ReplyToTicket CommentOnTicket OwnTicket
    ModifyTicket Watch WatchAsAdminCc)
    )
{
    check( "granting $right", $agent->PrincipalObj->GrantRight( Right => $right, Object => $queue ) );
}

my $as_agent = RT::CurrentUser->new($agent);
my %ids;
for my $entry ( @{ $input->{tickets} } ) {
    my ( $status, $message, $ticket ) = RT::Interface::Email::Gateway( {
        message => encode( 'UTF-8', $entry->{mail} ),
        queue   => $queue->Id,
        action  => 'correspond',
    } );
    check( "the mail of $entry->{key}", $status == 1 && $ticket && $ticket->Id, $message );
    # The agent takes the ticket, then answers it, as himself.
    my $answering = RT::Ticket->new($as_agent);
    $answering->Load( $ticket->Id );
    check( "taking $entry->{key}", $answering->Take );
    if ( defined $entry->{reply} ) {
        check( "the reply on $entry->{key}", $answering->Correspond( Content => $entry->{reply} ) );
    }
    $ids{ $entry->{key} } = $ticket->Id + 0;
}

print JSON::PP->new->canonical->encode( \%ids ), "\n";
